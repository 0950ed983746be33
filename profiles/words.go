package profiles

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/avgaudit/avgaudit/model"

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
	"parent":    "parental ouderlijk ouder verzorger ouderverzorger moeder vader guardian parent mother father voogd contactpersoon carer caregiver",
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
	"posted":     "geplaatst plaatsingsdatum gepost posted gepubliceerd publicatie published publicatiedatum uploaded upload geupload",
	"received":   "ontvangen ontvangst binnengekomen binnenkomst received",
	"sent":       "verzonden verstuurd verzending sent overgedragen",
	"signed":     "getekend ondertekend ondertekening signed",
	"expires":    "verloopt vervalt verval expires expiry geldig valid",
	"recorded":   "vastgelegd geregistreerd recorded registratie beantwoord answered ingevuld gewijzigd wijziging modified changed bijgewerkt updated responded update",
	"withdrawn":  "ingetrokken intrekking withdrawn revoked revocation herroepen herroeping teruggetrokken",
	"discovered": "ontdekt ontdekking geconstateerd constatering vastgesteld discovered detected detection gedetecteerd opgemerkt noticed",
	"informed":   "geinformeerd ingelicht informed",
	"reported":   "gemeld melding melden reported",
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
	"channel":       "kanaal channel medium platform methode method manier wijze via hoe how",
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
	"access":        "toegang access rechten bevoegdheid autorisatie permissions scope ziet zien sees",
	"request":       "verzoek request dsar",
	"breach":        "datalek lek breach incident",
	"risk":          "risico risk",
	"high":          "hoog high",
	"reportable":    "meldplichtig meldingsplichtig reportable notifiable",
	"authority":     "ap autoriteit authority",
	"facts":         "feit feiten facts omschrijving beschrijving description",
	"effects":       "gevolg gevolgen effect effects consequence impact",
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
	"exception":     "uitzondering exception",
	"duty":          "plicht verplichting duty obligation",
	"diet":          "dieet diet voeding",
	"wish":          "wens wish voorkeur preference",
	"gdpr":          "avg gdpr uavg",
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

// How an unknown part of a header stands, which decides what it may
// abbreviate (see abbreviates).
type abbrevMode int

const (
	// abbrNone: the first part of a compound before known ones
	// ("Woon-adres", "Sub-verwerkers"), read as no abbreviation.
	abbrNone abbrevMode = iota
	// abbrDotted: a word ending in a full stop ("Tsv.", "Verz.").
	abbrDotted
	// abbrWord: a word of its own without a full stop ("VOORV",
	// "Tussenv", "Woonplts").
	abbrWord
	// abbrPart: a part after a known part of a compound ("GEB-DAT",
	// "Roep-nm").
	abbrPart
	// abbrLetter: a single letter beginning a compound ("V-naam").
	abbrLetter
)

// wordEndings are endings of words, never abbreviations of a word by
// themselves ("Uitzonder-ing").
var wordEndings = map[string]bool{"ing": true, "ingen": true, "heid": true, "lijk": true, "baar": true, "isch": true,
	"ste": true, "end": true, "ende": true, "ers": true, "tie": true, "ties": true, "ment": true, "ness": true, "tion": true, "able": true, "ible": true}

// abbreviates reports whether u, standing as mode says, abbreviates the
// longer word l: its beginning ("gesl" of geslacht, "dat" of datum), or
// its beginning followed by consonants that follow in l in that order
// ("nm" of naam, "tsv" of tussenvoegsel, "woonplts" of woonplaats).
// Real words that begin a longer one ("record" of recorded, "place" of
// placement, "eer" of eerste) are told apart from abbreviations: those
// leave out at least two fifths of the word and end in a consonant, and
// a word of its own does not leave out only an ending. Acronyms (AVG,
// MDM, BTW) are no contraction: a word of its own without a full stop
// contracts only with five letters or more, and a contraction keeps at
// least a fifth of the word's letters.
func abbreviates(u, l string, mode abbrevMode) (prefix, ok bool) {
	if len(u) < 2 || len(u) >= len(l) || u[0] != l[0] || mode == abbrNone || mode == abbrLetter {
		return false, false
	}
	if strings.HasPrefix(l, u) {
		if len(u) < 3 {
			return true, false
		}
		if mode == abbrDotted {
			return true, true
		}
		rest := l[len(u):]
		strict := consonantsOnly(u[len(u)-1:]) && 5*len(u) <= 3*len(l) && conceptOf(rest) == "" && conceptOf(strings.TrimPrefix(rest, "s")) == ""
		if mode == abbrWord {
			strict = strict && len(rest) >= 2 && !wordEndings[rest]
		}
		return true, strict
	}
	switch {
	case len(u) == 2 && !consonantsOnly(u):
		return false, false
	case 5*len(u) < len(l):
		return false, false // too few letters of a long word ("vrnm" is no verwerkersovereenkomst)
	case mode == abbrWord && len(u) < 5:
		return false, false
	case mode == abbrPart && !consonantsOnly(u):
		return false, false
	}
	for p := len(u) - 1; p >= 1; p-- {
		tail := u[p:]
		if !consonantsOnly(tail) {
			break // the consonants end the abbreviation
		}
		if strings.HasPrefix(l, u[:p]) && subsequence(tail, l[p:]) {
			return false, true
		}
	}
	return false, false
}

func consonantsOnly(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' || strings.ContainsRune("aeiouy", r) {
			return false
		}
	}
	return s != ""
}

// subsequence reports whether the letters of a occur in b in that order.
func subsequence(a, b string) bool {
	i := 0
	for j := 0; j < len(b) && i < len(a); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}

// abbrevCandidate is a concept an abbreviated word part may mean: the
// shortest lexicon word of the concept it abbreviates, and whether it
// begins that word.
type abbrevCandidate struct {
	concept string
	word    string
	prefix  bool
}

// abbrevCache holds abbrevCandidates per mode and word part; the lexicon
// does not change, so the candidates of a part do not either.
var abbrevCache sync.Map

// abbrevCandidates are the concepts whose lexicon words u, standing as
// mode says, abbreviates (see abbreviates; for a single letter beginning
// a compound, every word that begins with it), each once with its
// shortest such word, in the order of the concepts' names.
func abbrevCandidates(u string, mode abbrevMode) []abbrevCandidate {
	key := string(rune('0'+mode)) + u
	if v, ok := abbrevCache.Load(key); ok {
		return v.([]abbrevCandidate)
	}
	by := map[string]abbrevCandidate{}
	if _, known := lexicon[u]; !known && !allDigits(u) && !(mode == abbrPart && wordEndings[u]) {
		for l, c := range lexicon {
			var prefix, ok bool
			if mode == abbrLetter {
				prefix, ok = true, len(u) == 1 && len(l) > 1 && strings.HasPrefix(l, u)
			} else {
				prefix, ok = abbreviates(u, l, mode)
			}
			if !ok {
				continue
			}
			old, seen := by[c]
			if !seen || (prefix && !old.prefix) || (prefix == old.prefix && (len(l) < len(old.word) || (len(l) == len(old.word) && l < old.word))) {
				by[c] = abbrevCandidate{concept: c, word: l, prefix: prefix}
			}
		}
	}
	out := make([]abbrevCandidate, 0, len(by))
	for _, c := range by {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].concept < out[j].concept })
	abbrevCache.Store(key, out)
	return out
}

// resolveAbbreviation is the concept an abbreviated word part u (standing
// as mode says) means beside the other concepts of its header (others),
// judged by the concept sets of the known names of the table (own) and
// of all tables (all): the one concept it can mean; else the one that
// appears in a known name together with the most of the others, in the
// table's names first ("dat" beside "geb" is the datum of
// "Geboortedatum", "nm" beside "roep" the naam of "Roepnaam"); else, of
// the concepts the table's names have (all if none), the only one or the
// concept of the shortest word it begins ("gesl" is geslacht, not
// gesloten or geslachtsnaam). A word of three letters may be a word of its
// own ("Sub", "Dat"): it is read only as a known name with the rest of
// the header confirms. "" when that does not settle it.
func resolveAbbreviation(u string, others []string, own, all [][]string, mode abbrevMode) string {
	cands := abbrevCandidates(u, mode)
	short := mode == abbrWord && len(u) <= 3
	switch {
	case len(cands) == 0:
		return ""
	case len(cands) == 1 && !short:
		return cands[0].concept
	}
	if len(others) > 0 {
		for _, sets := range [][][]string{own, all} {
			if len(sets) == 0 {
				continue
			}
			best, bestN, tie := "", 0, false
			for _, c := range cands {
				n := cooccurrence(c.concept, others, sets)
				switch {
				case n > bestN:
					best, bestN, tie = c.concept, n, false
				case n == bestN && n > 0:
					tie = true
				}
			}
			if bestN > 0 && !tie {
				return best
			}
			if bestN > 0 {
				return "" // several fit as well
			}
		}
	}
	if short {
		return ""
	}
	if len(own) > 0 {
		var named []abbrevCandidate
		for _, c := range cands {
			if inSets(c.concept, own) {
				named = append(named, c)
			}
		}
		if len(named) > 0 {
			cands = named
		}
	}
	if len(cands) == 1 {
		return cands[0].concept
	}
	best, tie := abbrevCandidate{}, false
	for _, c := range cands {
		switch {
		case best.word == "" || (c.prefix && !best.prefix) || (c.prefix == best.prefix && len(c.word) < len(best.word)):
			best, tie = c, false
		case c.prefix == best.prefix && len(c.word) == len(best.word):
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best.concept
}

// inSets reports whether concept is among those of sets.
func inSets(concept string, sets [][]string) bool {
	for _, set := range sets {
		if slices.Contains(set, concept) {
			return true
		}
	}
	return false
}

// cooccurrence is the most of others that appear together with concept
// in one of sets.
func cooccurrence(concept string, others []string, sets [][]string) int {
	most := 0
	for _, set := range sets {
		if !slices.Contains(set, concept) {
			continue
		}
		n := 0
		for _, o := range others {
			if o != concept && slices.Contains(set, o) {
				n++
			}
		}
		most = max(most, n)
	}
	return most
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
	// a diminutive is the word itself: "busje", "bakje"
	for _, end := range []string{"tje", "pje", "je"} {
		if stem, ok := strings.CutSuffix(w, end); ok && len(stem) >= 3 {
			if c, ok := lexicon[stem]; ok {
				return c
			}
		}
	}
	return ""
}

// splitCompound splits one word into known parts ("einddatum" -> eind,
// datum), allowing the linking s and e between them; an unknown part
// costs more than a known one, so a word is split only where that explains
// it better than leaving it whole. It returns the concepts of the parts,
// unknown parts as themselves.
func splitCompound(w string) []string { return splitWord(w, false) }

// splitWord is splitCompound; with abbr, a part after a known one may also
// be an abbreviation ("geb-dat", "roep-nm"), kept as written.
func splitWord(w string, abbr bool) []string {
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
			case abbr && i > 0 && len(abbrevCandidates(part, abbrPart)) > 0:
				// an abbreviated part after a known one: "geb-dat",
				// "roep-nm", resolved by the header's other words
				cost, piece = 3, part
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
// order they appear: "Datum einde opvang" -> date, end, care. Abbreviated
// parts are read as the words they abbreviate where the other words of
// the header tell which ("GEBDAT" is birth, date; see
// resolveAbbreviation).
func Concepts(s string) []string {
	return conceptsIn(s, "")
}

// conceptsCache holds conceptsIn per table and header.
var conceptsCache sync.Map

// conceptsIn is Concepts judged by the known names of table ("" for those
// of all tables) where an abbreviation needs them. The result is the
// caller's to change.
func conceptsIn(s, table string) []string {
	key := table + "\x00" + s
	if v, ok := conceptsCache.Load(key); ok {
		return slices.Clone(v.([]string))
	}
	out := resolvePieces(headerPieces(s), true, table)
	conceptsCache.Store(key, out)
	return slices.Clone(out)
}

// piece is one part of a header's word: a concept, or an unknown part
// kept as written, standing as mode says.
type piece struct {
	text string
	mode abbrevMode
	rest string // the rest of the word after a single letter ("naam" of "vnaam")
	word int    // the number of the word it is a part of
	// plain are the parts of the word without abbreviated parts, on the
	// word's first piece: what the word is when an abbreviated part cannot
	// be read
	plain []string
}

// rawConcepts is Concepts; with resolve false abbreviated parts are left
// as written (the known names' own concepts, which resolving consults).
func rawConcepts(s string, resolve bool) []string {
	return resolvePieces(headerPieces(s), resolve, "")
}

// headerPieces splits a header into the pieces of its words.
func headerPieces(s string) []piece {
	var out []piece
	ws := words(s)
	for k := 0; k < len(ws); k++ {
		wd := ws[k]
		w := wd.text
		if stopwords[w] {
			continue
		}
		if allDigits(w) {
			if k+1 < len(ws) && conceptOf(w+ws[k+1].text) != "" {
				// "2FA": a word of digits and letters
				c := conceptOf(w + ws[k+1].text)
				out = append(out, piece{text: c, word: k, plain: []string{c}})
				k++
			}
			continue // "Ouder 1", "Toestemming 2025"
		}
		parts := splitWord(w, true)
		plain := splitCompound(w)
		if wd.abbreviated && conceptOf(w) == "" {
			if c := abbreviation(w); c != "" {
				parts, plain = []string{c}, []string{c}
			}
		}
		for n, c := range parts {
			mode, rest := abbrPart, ""
			switch {
			case len(parts) == 1 && wd.abbreviated:
				mode = abbrDotted
			case len(parts) == 1:
				mode = abbrWord
			case n == 0 && len(c) == 1:
				mode, rest = abbrLetter, w[1:]
			case n == 0 && onlyIDs(parts[1:]):
				// an unknown word before a number word ("RELNR",
				// "PERSNR"): a word of its own, abbreviated
				mode = abbrWord
			case n == 0:
				mode = abbrNone
			}
			p := piece{text: c, mode: mode, rest: rest, word: k}
			if n == 0 {
				p.plain = plain
			}
			out = append(out, p)
		}
	}
	return out
}

// resolvePieces reads the unknown pieces that abbreviate a word (see
// resolveAbbreviation) by the known names of table (all tables when "")
// and returns the concepts, each once.
func resolvePieces(ps []piece, resolve bool, table string) []string {
	var others []string
	for _, p := range ps {
		if isConcept(p.text) {
			others = append(others, p.text)
		}
	}
	var out []string
	seen := map[string]bool{}
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for k := 0; k < len(ps); {
		// the pieces of one word
		end := k + 1
		for end < len(ps) && ps[end].word == ps[k].word {
			end++
		}
		var got []string
		unread := false
		for _, p := range ps[k:end] {
			c := p.text
			if resolve && !isConcept(c) && p.mode != abbrNone {
				r := resolvePiece(p, others, table)
				if r == "" && table != "" && p.mode == abbrLetter {
					r = resolvePiece(p, others, "")
				}
				if r != "" {
					c = r
				} else if p.mode == abbrPart {
					unread = true
				}
			}
			got = append(got, c)
		}
		if unread || !resolve {
			// an abbreviated part that cannot be read: the word as it
			// is ("Uitdr." stays one unknown word, not "uit" and "dr")
			got = ps[k].plain
		}
		for _, c := range got {
			add(c)
		}
		k = end
	}
	return out
}

// onlyIDs reports whether parts are all words of a number or code.
func onlyIDs(parts []string) bool {
	for _, p := range parts {
		if p != "number" && p != "id" && p != "code" {
			return false
		}
	}
	return len(parts) > 0
}

// resolvePiece is the concept of an unknown piece by the known names of
// table (all tables when ""): a single letter beginning a compound by the
// known names' words it and the rest of its word begin and end ("v" +
// "naam" is the "voornaam" of Voornaam), any other piece by
// resolveAbbreviation.
func resolvePiece(p piece, others []string, table string) string {
	if p.mode != abbrLetter {
		var own [][]string
		if table != "" {
			own = nameSets(table)
		}
		r := resolveAbbreviation(p.text, others, own, nameSets(""), p.mode)
		if r == "" && p.mode == abbrWord && consonantsOnly(p.text) {
			// a short run of consonants that repeats a word of the
			// header ("Straat/hnr": huisnummer beside the street)
			for _, c := range abbrevCandidates(p.text, abbrDotted) {
				if slices.Contains(others, c.concept) {
					return c.concept
				}
			}
		}
		return r
	}
	found := ""
	for l, c := range lexicon {
		if len(l) < 2 || !strings.HasPrefix(l, p.text) {
			continue
		}
		if !nameWords(table)[l+p.rest] && !nameWords(table)[l+"s"+p.rest] {
			continue
		}
		if found != "" && found != c {
			return ""
		}
		found = c
	}
	return found
}

// nameSetsOnce computes nameSetsBy and nameWordsBy once.
var (
	nameSetsOnce sync.Once
	nameSetsBy   map[string][][]string
	nameWordsBy  map[string]map[string]bool
)

// nameWords are the words of the known names of table's columns (of all
// tables when table is ""), in lower case without accents.
func nameWords(table string) map[string]bool {
	nameSets(table)
	return nameWordsBy[table]
}

// nameSets are the concept sets of the known names of table's columns
// (of all tables when table is ""), abbreviations left as written.
func nameSets(table string) [][]string {
	nameSetsOnce.Do(func() {
		nameSetsBy = map[string][][]string{}
		nameWordsBy = map[string]map[string]bool{"": {}}
		for _, t := range model.Tables {
			nameWordsBy[t.Name] = map[string]bool{}
			for _, c := range t.Columns {
				for _, syn := range Synonyms(t.Name, c.Name) {
					cs := rawConcepts(strings.ReplaceAll(syn, "_", " "), false)
					nameSetsBy[t.Name] = append(nameSetsBy[t.Name], cs)
					nameSetsBy[""] = append(nameSetsBy[""], cs)
					for _, w := range words(syn) {
						nameWordsBy[t.Name][w.text] = true
						nameWordsBy[""][w.text] = true
					}
				}
			}
		}
	})
	return nameSetsBy[table]
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
