package profiles

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Recognising a header by its words rather than by its whole spelling:
// "Datum einde opvang", "Einddatum opvang" and "End of care" are the same
// column because their words mean the same things. A header is split into
// words (spaces, punctuation, camelCase), each word into the parts of a
// Dutch compound ("einddatum" is "eind" + "datum", "toestemmingsformulier"
// is "toestemming" + "s" + "formulier"), and each part is mapped, after
// its plural ending is taken off, to a concept ("eind", "einde" and "end"
// are the concept end). Two headers match as well as their concept sets
// overlap (see similarity). Words the lexicon does not know are concepts
// of their own, so an unknown word counts against a match instead of
// being ignored.

// lexicon maps a Dutch or English word (lower case, without accents, in
// its singular form) to its concept. Concepts are named in English.
var lexicon = func() map[string]string {
	m := map[string]string{}
	for concept, words := range concepts {
		for _, w := range strings.Fields(words) {
			m[w] = concept
		}
	}
	return m
}()

// concepts lists, per concept, the words that mean it. Keep the words in
// their singular form: plural endings are taken off before the look-up.
var concepts = map[string]string{
	// identity and keys
	"id":        "id ident identificatie identifier idnr uid guid",
	"number":    "nummer nr no nmr num number nro numero",
	"code":      "code",
	"reference": "kenmerk referentie ref reference referentienummer dossiernummer",
	"key":       "sleutel key recordsleutel",
	"admin":     "administratie admin administratief kidsadmin administration",
	"portal":    "portal ouderportaal portaal app konnect intern internal",
	"tracking":  "kijk volgsysteem kindvolgsysteem tracking leerling pupil",
	// people
	"child":     "kind kinder kinderen kindje child children kid kids",
	"parent":    "parental ouderlijk ouder verzorger ouderverzorger moeder vader guardian parent mother father voogd contactpersoon",
	"person":    "persoon person betrokkene betrokken subject affected getroffen",
	"employee":  "medewerker personeel personeelslid werknemer employee staff worker pm emp mdw",
	"applicant": "sollicitant kandidaat applicant candidate sollicitatie",
	"friend":    "vriend vriendje vriendinnetje vriendin friend playmate",
	"school":    "school basisschool",
	"mentor":    "mentor mentrix begeleider tutor",
	"author":    "auteur author observator observer observant schrijver fotograaf photographer",
	"user":      "gebruiker user login inlog inlognaam account acct gebruikersnaam username",
	"owner":     "eigenaar owner",
	"vendor":    "leverancier vendor supplier bedrijf verwerker processor partij party",
	// names and personal details
	"name":     "naam name namen",
	"first":    "voor first given roep",
	"last":     "achter last sur family familie geslachts",
	"prefix":   "tussenvoegsel voorvoegsel prefix infix",
	"full":     "volledig full",
	"birth":    "geboorte geboren birth born geb dob",
	"gender":   "geslacht gender sex jongenmeisje",
	"bsn":      "bsn burgerservicenummer burgerservice sofinummer sofi citizen",
	"address":  "adres address straat street huisnummer huisnr",
	"postcode": "postcode zip",
	"city":     "woonplaats plaats city town",
	"email":    "email mail emailadres",
	"phone":    "telefoon telefoonnummer tel mobiel mobile phone gsm",
	"iban":     "iban rekening rekeningnummer bankrekening bankrekeningnummer bank",
	"relation": "relatie relation relationship verwantschap",
	"custody":  "gezag gezagdrager gezaghebbend custody voogdij",
	"location": "locatie vestiging kindcentrum location site waar where",
	"group":    "groep stamgroep basisgroep group room klas class team",
	"role":     "functie rol role position job",
	// time
	"date":       "datum date dag day dt",
	"time":       "tijd tijdstip time moment",
	"late":       "laat late vertraging vertraagd delay delayed overdue",
	"start":      "hire hired aangenomen start begin aanvang ingang vanaf from since sinds starting join joining joined inschrijf inschrijving ingeschreven enrolled enrolment",
	"end":        "termination terminated ontslag ontslagen eind einde end tot until stop uitschrijving uitschrijf uitgeschreven afmelding opzegging beeindiging ending leave leaving left vertrek",
	"care":       "opvang plaatsing placement care zorg placed",
	"contract":   "contract",
	"mfa":        "mfa 2fa tweestapsverificatie tweefactor tweefactorauthenticatie multifactor twostep authenticator",
	"blocked":    "geblokkeerd blocked gedeactiveerd deactivated disabled inactief inactive",
	"employed":   "dienst employment dienstverband",
	"in":         "in",
	"out":        "uit",
	"last_at":    "laatst laatste recent",
	"first_at":   "eerste earliest",
	"login":      "ingelogd aangemeld aanmelding logged",
	"active":     "actief active enabled",
	"use":        "gebruik gebruikt use used",
	"created":    "aangemaakt gemaakt created ingevoerd toegevoegd added",
	"removed":    "verwijderd removed deleted gewist",
	"archived":   "gearchiveerd archief archivering archived",
	"posted":     "geplaatst plaatsingsdatum gepost posted gepubliceerd publicatie published publicatiedatum",
	"received":   "ontvangen ontvangst binnengekomen binnenkomst received",
	"sent":       "verzonden verstuurd verzending sent overgedragen",
	"signed":     "getekend ondertekend ondertekening signed",
	"expires":    "verloopt vervalt verval expires expiry geldig valid",
	"recorded":   "vastgelegd geregistreerd recorded registratie beantwoord answered ingevuld gewijzigd wijziging modified changed bijgewerkt updated",
	"withdrawn":  "ingetrokken intrekking withdrawn",
	"discovered": "ontdekt ontdekking geconstateerd constatering vastgesteld discovered detected detection gedetecteerd opgemerkt noticed",
	"informed":   "geinformeerd ingelicht informed",
	"reported":   "gemeld melding reported",
	"observed":   "observatie observation geobserveerd observed obs waarneming waargenomen",
	"applied":    "gesolliciteerd applied",
	"approved":   "goedgekeurd goedkeuring akkoord approved",
	"extension":  "verlenging verlengd uitstel extension extended",
	// things
	"consent":       "toestemming consent permissie permission",
	"written":       "schriftelijk written",
	"form":          "formulier form",
	"present":       "aanwezig present",
	"photo":         "foto photo beeld beeldmateriaal image picture afbeelding",
	"post":          "post bericht message berichten",
	"channel":       "kanaal channel medium platform methode method manier wijze",
	"note":          "notitie note aantekening",
	"category":      "categorie category soort type",
	"invoice":       "factuur invoice",
	"amount":        "bedrag amount totaal total",
	"vve":           "vve",
	"indication":    "indicatie indication doelgroep",
	"programme":     "programma programme program",
	"duration":      "duur duration",
	"transfer":      "overdracht transfer",
	"agreement":     "overeenkomst agreement verwerkersovereenkomst vwo dpa",
	"system":        "systeem system applicatie application pakket software dienstverlening",
	"certificate":   "certificering certificaat certificate certification keurmerk",
	"access":        "toegang access rechten bevoegdheid autorisatie permissions scope",
	"request":       "verzoek request dsar",
	"breach":        "datalek lek breach incident",
	"risk":          "risico risk",
	"high":          "hoog high",
	"reportable":    "meldplichtig meldingsplichtig reportable notifiable",
	"authority":     "ap autoriteit authority",
	"facts":         "feit feiten facts omschrijving beschrijving description",
	"effects":       "gevolg gevolgen effect effects consequence",
	"measures":      "maatregel maatregelen measure measures",
	"purpose":       "doel doeleinde purpose waarvoor",
	"basis":         "grondslag rechtsgrond basis ground rechtmatigheidsgrond",
	"legal":         "wettelijk legal lawful",
	"data":          "gegeven gegevens data persoonsgegeven persoonsgegevens",
	"activity":      "verwerking verwerkingsactiviteit activiteit activity processing proces",
	"retention":     "bewaartermijn bewaren bewaring retention keep",
	"dpia":          "dpia",
	"register":      "register",
	"path":          "pad path bestand file map folder",
	"sharing":       "gedeeld delen sharing shared deelstatus zichtbaar",
	"complaint":     "klacht complaint",
	"check":         "controle check",
	"justification": "onderbouwing motivatie reden justification reason toelichting omdat because waarom why",
	"storage":       "opslag opgeslagen stored storage gehost hosted hosting",
	"negation":      "niet not geen zonder without non",
	"procedure":     "procedure",
	// consent questions
	"social":      "social sociale facebook instagram fb insta ig twitter tiktok linkedin youtube socials",
	"media":       "media",
	"website":     "website web internet",
	"external":    "extern external openbaar publiek public",
	"newsletter":  "nieuwsbrief newsletter",
	"pickup":      "ophalen opgehaald pickup halen collect collection collected",
	"others":      "ander anderen derde derden others other adult adults volwassene opa oma grootouder grootouders buur buren buurman buurvrouw oppas grandparent grandparents neighbour neighbours",
	"transport":   "vervoer transport auto stint bus car",
	"play":        "spelen speelt play komt come visit visits bezoek",
	"alone":       "zelfstandig alleen independent alone zelf",
	"home":        "huis home thuis",
	"school_from": "schooluit",
	"answer":      "antwoord answer reply",
	"handled":     "afgehandeld afhandeling handled opgelost gesloten closed",
	"by":          "door by",
	"sequence":    "volg volgnr regel serie sequence seq",
	"list":        "lijst list overzicht",
	// words that say little
	"yes": "ja yes",
	"no":  "nee",
}

// stopwords carry no meaning in a header.
var stopwords = map[string]bool{
	"op": true, "de": true, "het": true, "een": true, "van": true, "der": true, "den": true,
	"en": true, "of": true, "the": true, "a": true, "an": true, "and": true, "or": true,
	"voor": true, "for": true, "per": true, "is": true, "wel": true, "eur": true, "euro": true,
	"dd": true, "d": true, "te": true, "om": true, "on": true, "at": true, "to": true, "bij": true,
	"mag": true, "may": true, "met": true, "with": true, "welke": true, "nog": true, "still": true,
	"aan": true, "heeft": true, "has": true, "keer": true, "naar": true, "onze": true, "ons": true, "our": true,
}

// weights are how much a concept counts in a match; concepts that many
// columns share (a date, a number) count less than the ones that tell
// columns apart.
var weights = map[string]float64{
	"date": 0.3, "time": 0.3, "number": 0.5, "id": 0.6, "code": 0.5, "name": 0.6, "data": 0.5,
	"in": 0.5, "out": 0.5, "sequence": 0.2, "by": 0.5, "last_at": 0.5, "first_at": 0.5,
	"admin": 1.5, "portal": 1.5, "tracking": 1.5,
}

func weight(c string) float64 {
	if w, ok := weights[c]; ok {
		return w
	}
	return 1
}

// related concepts count half when one stands where the other is expected.
var related = map[[2]string]bool{
	{"number", "id"}: true, {"id", "number"}: true,
	{"number", "code"}: true, {"code", "number"}: true,
	{"id", "code"}: true, {"code", "id"}: true,
	{"reference", "number"}: true, {"number", "reference"}: true,
	{"date", "time"}: true, {"time", "date"}: true,
	{"last_at", "end"}: true, {"end", "last_at"}: true,
	{"first_at", "start"}: true, {"start", "first_at"}: true,
	{"contract", "care"}: true, {"care", "contract"}: true,
	{"contract", "employed"}: true, {"employed", "contract"}: true,
	{"approved", "consent"}: true, {"consent", "approved"}: true, // "Ouders akkoord" is the parents' consent
}

// linkParts are the pieces a Dutch compound joins with: the s of
// "toestemming-s-formulier" and the e of "kind-e-ren".
var linkParts = map[string]bool{"s": true, "e": true, "en": true}

// word is one word of a header; abbreviated when a full stop follows it
// ("Tussenv.", "Adm.nr.").
type word struct {
	text        string
	abbreviated bool
}

// expansions are Dutch abbreviations of more than one word, and words
// whose hyphen does not part them.
var expansions = strings.NewReplacer("t/m", " tot ", "T/m", " tot ", "T/M", " tot ", "d.d.", " datum ", "D.d.", " datum ",
	"e-mail", "email", "E-mail", "email", "E-Mail", "email", "E-MAIL", "email", "#", " nummer ")

// words splits s into lower-case words without accents: on spaces and
// punctuation, and where a lower-case letter is followed by an upper-case
// one ("DateOfBirth", "childId").
func words(s string) []word {
	var out []word
	var cur []rune
	flush := func(abbr bool) {
		if len(cur) > 0 {
			out = append(out, word{string(cur), abbr})
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range norm.NFD.String(expansions.Replace(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’':
			continue // foto's -> fotos
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				flush(false)
			}
			if unicode.IsDigit(prev) {
				flush(false)
			}
			cur = append(cur, unicode.ToLower(r))
		case unicode.IsDigit(r):
			if unicode.IsLetter(prev) {
				flush(false)
			}
			cur = append(cur, r)
		default:
			flush(r == '.')
		}
		prev = r
	}
	flush(false)
	return out
}

// abbreviation is the concept of an abbreviated word: that of every
// lexicon word it begins ("tussenv" is tussenvoegsel), when they agree.
func abbreviation(w string) string {
	if len(w) < 3 {
		return ""
	}
	concept := ""
	for full, c := range lexicon {
		if !strings.HasPrefix(full, w) {
			continue
		}
		if concept != "" && concept != c {
			return ""
		}
		concept = c
	}
	return concept
}

// conceptOf is the concept of one word: its own, or that of its singular
// form; "" when the lexicon does not know it.
func conceptOf(w string) string {
	if c, ok := lexicon[w]; ok {
		return c
	}
	for _, end := range []string{"s", "en", "n", "es", "e", "ies"} {
		if stem, ok := strings.CutSuffix(w, end); ok && len(stem) >= 2 {
			if c, ok := lexicon[stem]; ok {
				return c
			}
			if end == "ies" {
				if c, ok := lexicon[stem+"y"]; ok {
					return c
				}
			}
		}
	}
	// a doubled consonant is single in the stem: "groepen" -> "groep" is
	// above; "bedragen" -> "bedrag"
	return ""
}

// splitCompound splits one word into known parts ("einddatum" -> eind,
// datum), allowing the linking s and e between them; an unknown part
// costs more than a known one, so a word is split only where that explains
// it better than leaving it whole. It returns the concepts of the parts,
// unknown parts as themselves.
func splitCompound(w string) []string {
	if c := conceptOf(w); c != "" {
		return []string{c}
	}
	n := len(w)
	type step struct {
		cost  int
		prev  int
		piece string // concept, or the unknown part itself
		known bool
	}
	const inf = 1 << 30
	best := make([]step, n+1)
	for i := 1; i <= n; i++ {
		best[i].cost = inf
	}
	for j := 1; j <= n; j++ {
		for i := 0; i < j; i++ {
			if best[i].cost == inf {
				continue
			}
			part := w[i:j]
			var cost int
			var piece string
			known := false
			switch c := conceptOf(part); {
			case c != "" && (len(part) >= 3 || (i > 0 && j == n)): // "nr", "id" only at the end
				cost, piece, known = 2, c, true
			case linkParts[part] && i > 0 && j < n && best[i].known:
				cost, piece = 1, ""
			case i == 0 && j < n:
				// an unknown first part before known ones: the head of a
				// Dutch compound is last ("Opzeg-datum")
				cost, piece = 3+len(part)/4, part
			case i == 0:
				cost, piece = 5+len(part)/4, part
			default:
				continue
			}
			if c := best[i].cost + cost; c < best[j].cost {
				best[j] = step{cost: c, prev: i, piece: piece, known: known}
			}
		}
	}
	var parts []string
	for j := n; j > 0; j = best[j].prev {
		if best[j].piece != "" {
			parts = append(parts, best[j].piece)
		}
	}
	for i, k := 0, len(parts)-1; i < k; i, k = i+1, k-1 {
		parts[i], parts[k] = parts[k], parts[i]
	}
	// merge adjacent unknown pieces back into one
	return parts
}

// Concepts returns the concepts of a header or label, each once, in the
// order they appear: "Datum einde opvang" -> date, end, care.
func Concepts(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, wd := range words(s) {
		w := wd.text
		if stopwords[w] {
			continue
		}
		if allDigits(w) {
			continue // "Ouder 1", "Toestemming 2025"
		}
		parts := splitCompound(w)
		if wd.abbreviated && conceptOf(w) == "" {
			if c := abbreviation(w); c != "" {
				parts = []string{c}
			}
		}
		for _, c := range parts {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// similarity is how well two concept sets agree, from 0 to 1: the weight
// of the concepts they share over the weight of all their concepts, a
// related concept (number for id) counting half.
func similarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inB := map[string]bool{}
	for _, c := range b {
		inB[c] = true
	}
	inA := map[string]bool{}
	for _, c := range a {
		inA[c] = true
	}
	var shared, total float64
	usedB := map[string]bool{}
	for _, c := range a {
		w := weight(c)
		total += w
		if inB[c] {
			shared += w
			usedB[c] = true
		}
	}
	for _, c := range b {
		if !inA[c] {
			total += weight(c)
		}
	}
	// related concepts: an unmatched a-concept and an unmatched b-concept.
	// They count for most when the sets share a concept that tells what
	// the identifier is of ("Leerlingnr" is the "Leerling-ID"), little when
	// only whose ("Kind-ID" is not the "Kindnummer").
	credit := 0.25
	for c := range usedB {
		if c != "child" && c != "parent" {
			credit = 0.75
		}
	}
	for _, c := range a {
		if inB[c] {
			continue
		}
		for _, d := range b {
			if !inA[d] && !usedB[d] && related[[2]string{c, d}] {
				shared += credit * (weight(c) + weight(d)) / 2
				usedB[d] = true
				break
			}
		}
	}
	if total == 0 {
		return 0
	}
	return shared / total
}
