package profiles

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// What the values under a header say about it. Headers are not always
// enough: "Toestemming" may hold yes/no answers or the reference of a
// signed form, "Nummer" may be a child's number or an invoice's. The
// values decide between columns the words leave open, fill in a required
// column no header named, and keep a header off a column whose type its
// values do not have.

// Values are the values found under one header.
type Values struct {
	Distinct []string // distinct non-blank values (possibly not all of them)
	More     bool     // there were more distinct values than Distinct holds
	Blanks   int      // rows where the cell is blank
	Rows     int      // data rows
	Workbook bool     // from a workbook: dates may be serial day numbers
}

// shape is what Values look like.
type shape struct {
	filled    int     // distinct non-blank values
	boolShare float64 // share of the distinct values that are yes/no answers
	checkbox  string  // the one mark of a checkbox column ("x"), with blanks for no
	dateShare float64 // share that are dates (or timestamps)
	serials   bool    // the dates are workbook serial numbers only
	bsnShare  float64 // share that are 9-digit numbers passing the 11-check
	refShare  float64 // share that look like references ("TS-10392")
	refShape  string  // the references' shape ("TS-…")
	consent   float64 // share that are consent questions
	consentN  int     // how many are consent questions
	textDates float64 // share that are a short text with one date in it ("ja, mail 01-10-2026")
	shortYear float64 // share that are dates with a two-digit year ("6/6/25"), which are not read
	status    float64 // share that are a free-text status readable as yes or no ("getekend 12-03-2024", "ontbreekt")
	counts    bool    // small whole numbers that repeat (0, 1, 2, 3): a count, not a number of a record
	nameShare float64 // share that are people's names ("Jansen, Daan", "Emma de Vries")
	textShare float64 // share that are free text (four words or more, or long)
	idShare   float64 // share that look like identifiers: digits, no spaces ("K10001", "31066", "KV-0121")
	listSep   string  // the separator of cells holding several identifiers ("K1, K2"), if most do
	listShare float64 // share of the cells that hold several identifiers
	descShare float64 // share that describe in words ("Childcare admin"), not name ("KidsVision BV")
	// contact is the contact column the values are (email, phone, iban,
	// postcode) when nearly all have its form; "" otherwise.
	contact string
	labels  []string
}

// maxShapeValues is how many distinct values are looked at to tell what a
// column holds.
const maxShapeValues = 300

// refPattern is a reference or record number: a few letters, a separator
// and digits ("TS-10392", "FORM/2025/12", "CF 881").
var refPattern = regexp.MustCompile(`^[A-Za-z]{1,6}[-/_ .]?[0-9]{2,}([-/_.][0-9A-Za-z]+)*$`)

// checkMarks are the marks a checkbox column holds for yes.
var checkMarks = map[string]bool{"x": true, "v": true, "✓": true, "✔": true, "☑": true, "*": true, "•": true, "ja": true, "yes": true, "j": true, "y": true, "1": true, "true": true, "waar": true}

func (v Values) shape() shape {
	var s shape
	var bools, dates, serials, bsns, refs, consents, names, texts, ids, descs, small, statuses, textDates, shortYears int
	forms := map[string]int{}
	seps := map[string]int{}
	sample := v.Distinct
	if len(sample) > maxShapeValues {
		sample = sample[:maxShapeValues]
	}
	for _, d := range sample {
		d = strings.TrimSpace(d)
		if d == "" {
			continue
		}
		s.filled++
		if _, ok := boolValue(d); ok {
			bools++
		}
		if _, ok := statusValue(d); ok {
			statuses++
		}
		if _, err := values.ParseTimestamp(d); err == nil {
			dates++
		} else if v.Workbook && serialDate(d) {
			dates++
			serials++
		} else if _, ok := dateInText(d); ok {
			textDates++
		} else if shortYearPattern.MatchString(d) {
			shortYears++
		}
		if n, err := values.NormalizeBSN(d); err == nil && values.ValidBSN(n) {
			bsns++
		}
		if refPattern.MatchString(d) && !allDigits(d) {
			refs++
			if s.refShape == "" {
				s.refShape = refShapeOf(d)
			}
		}
		if len(d) < 120 && strings.ContainsFunc(d, unicode.IsLetter) {
			if _, _, ok := nearestValue("consent_type", model.ConsentTypes, d); ok {
				consents++
			}
		}
		if personName(d) {
			names++
		}
		if describes(d) {
			descs++
		}
		for col, re := range contactForms {
			if re.MatchString(d) && (col != "phone" || !isDate(d)) { // 2020-05-01 is no phone number
				forms[col]++
			}
		}
		if len(strings.Fields(d)) >= 4 || len(d) > 40 {
			texts++
		}
		if allDigits(d) && len(d) <= 2 {
			small++
		}
		if identifier(d) {
			ids++
		} else if sep := idList(d); sep != "" {
			seps[sep]++
			ids++
		}
		if len(s.labels) < 50 {
			s.labels = append(s.labels, d)
		}
	}
	if s.filled == 0 {
		return s
	}
	n := float64(s.filled)
	s.boolShare, s.dateShare, s.bsnShare, s.refShare, s.consent = float64(bools)/n, float64(dates)/n, float64(bsns)/n, float64(refs)/n, float64(consents)/n
	s.serials = serials > 0 && serials == dates
	s.consentN = consents
	s.status = float64(statuses) / n
	s.textDates = float64(textDates) / n
	s.shortYear = float64(shortYears) / n
	s.counts = small == s.filled && s.filled <= 25 && !v.More && v.Rows >= 3*s.filled
	for col, k := range forms {
		if float64(k) >= 0.9*n {
			s.contact = col
		}
	}
	s.nameShare, s.textShare, s.idShare, s.descShare = float64(names)/n, float64(texts)/n, float64(ids)/n, float64(descs)/n
	for sep, k := range seps {
		if share := float64(k) / n; share > s.listShare {
			s.listSep, s.listShare = sep, share
		}
	}
	if s.filled == 1 && v.Blanks > 0 && checkMarks[strings.ToLower(strings.TrimSpace(v.Distinct[0]))] {
		s.checkbox = strings.TrimSpace(v.Distinct[0])
	}
	return s
}

// shortYearPattern is a date with a two-digit year: 6/6/25, 03-01-26.
var shortYearPattern = regexp.MustCompile(`^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$`)

// textDatePattern finds a date written in a short text: 01-10-2026,
// 1/10/2026, 2026-10-01.
var textDatePattern = regexp.MustCompile(`\b(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})\b`)

// dateInText is the one date a short text that is no date itself holds
// ("ja, mail 01-10-2026", "verlengd op 3/11/2026"); ok is false when it
// holds none, several, or is long.
func dateInText(d string) (string, bool) {
	if len(d) > 60 || isDate(d) {
		return "", false
	}
	found := textDatePattern.FindAllString(d, -1)
	if len(found) != 1 || !isDate(found[0]) {
		return "", false
	}
	return found[0], true
}

// isDate reports whether d reads as a date.
func isDate(d string) bool {
	_, err := values.ParseTimestamp(d)
	return err == nil
}

// personName reports whether d looks like a person's name: two to five
// words of letters, capitalised ("Emma de Vries", "Jansen, Daan"), no
// digits.
func personName(d string) bool {
	if strings.ContainsFunc(d, unicode.IsDigit) || strings.ContainsAny(d, "@/&+()") {
		return false
	}
	ws := strings.Fields(strings.ReplaceAll(d, ",", " "))
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	caps := 0
	for _, w := range ws {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			caps++
		}
		if stopwords[strings.ToLower(w)] || namePrefixes[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return caps >= 2
}

// contactForms are the forms of contact details, by canonical column.
var contactForms = map[string]*regexp.Regexp{
	"email":    regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$`),
	"iban":     regexp.MustCompile(`^[A-Z]{2}[0-9]{2} ?[A-Z0-9]{4}( ?[A-Z0-9]{2,4}){2,7}$`),
	"phone":    regexp.MustCompile(`^(\+|00)?[0-9][0-9 ()-]{8,15}[0-9]$`),
	"postcode": regexp.MustCompile(`^[1-9][0-9]{3} ?[A-Za-z]{2}$`),
}

// describes reports whether d describes in words rather than names: it
// has a word of three or more lower-case letters that is no tussenvoegsel
// or small word ("Childcare admin", "Kindadministratie en facturatie").
func describes(d string) bool {
	for _, w := range strings.FieldsFunc(d, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		r := []rune(w)
		if len(r) >= 3 && unicode.IsLower(r[0]) && !stopwords[w] && !namePrefixes[w] && !strings.Contains(w, "-") {
			return true
		}
	}
	return false
}

// namePrefixes are the tussenvoegsels of Dutch names.
var namePrefixes = map[string]bool{"van": true, "de": true, "der": true, "den": true, "het": true, "ter": true, "ten": true, "te": true, "in": true, "'t": true, "la": true, "le": true, "el": true, "al": true}

// identifier reports whether d looks like a record's number or code: one
// token with a digit ("K10001", "31066", "KV-0121", "E005").
func identifier(d string) bool {
	return !strings.ContainsAny(d, " \t,;|") && strings.ContainsFunc(d, unicode.IsDigit) && len(d) <= 24
}

// idList is the separator of a cell holding several identifiers ("K1, K2",
// "KV-1|KV-2"); "" when it does not.
func idList(d string) string {
	for _, sep := range []string{",", "|", ";", "/"} {
		if !strings.Contains(d, sep) {
			continue
		}
		parts := strings.Split(d, sep)
		ok := len(parts) >= 2
		for _, p := range parts {
			if !identifier(strings.TrimSpace(p)) {
				ok = false
			}
		}
		if ok {
			return sep
		}
	}
	return ""
}

// serialDate reports whether d is a workbook serial day number between
// 1950 and 2075, where dates in these exports fall.
func serialDate(d string) bool {
	t, ok := values.ExcelSerial(d)
	return ok && t.Year() >= 1950 && t.Year() <= 2075
}

// refShapeOf writes a reference with its digits left out: "TS-10392" is
// "TS-…".
func refShapeOf(d string) string {
	i := strings.IndexAny(d, "0123456789")
	if i < 0 {
		return d
	}
	return d[:i] + "…"
}

// fits says how well the values suit column c: +1 they have its type
// (dates for a date, yes/no for a bool, valid BSNs for a BSN), 0 they do
// not tell, -1 they cannot be its values, with why.
func (s shape) fits(c *model.Column) (int, vocab.Text) {
	if s.filled == 0 {
		return 0, vocab.Text{}
	}
	switch c.Type {
	case model.Date, model.Timestamp:
		if s.dateShare >= 0.9 && !s.serials {
			return 1, vocab.Text{NL: "waarden: datums", EN: "values: dates"}
		}
		if s.textDates > 0 && s.dateShare+s.textDates >= 0.9 {
			return 1, vocab.Text{NL: "waarden: datums, ook in een korte tekst (\"ja, mail 01-10-2026\")", EN: "values: dates, also within a short text (\"ja, mail 01-10-2026\")"}
		}
		if s.dateShare >= 0.9 {
			return 0, vocab.Text{}
		}
		if s.shortYear >= 0.9 {
			return -1, vocab.Textf("de waarden zijn datums met een jaartal van twee cijfers (%s), die niet ingelezen worden: exporteer ze met het jaar voluit (31-12-2025)",
				"its values are dates with a two-digit year (%s), which are not read: export them with four-digit years (31-12-2025)", s.firstShortYear())
		}
		if s.dateShare < 0.5 {
			return -1, vocab.Text{NL: "de waarden zijn geen datums", EN: "its values are not dates"}
		}
	case model.Bool:
		if s.checkbox != "" {
			return 1, vocab.Textf("waarden: een vinkkolom (%q of leeg)", "values: a checkbox (%q or blank)", s.checkbox)
		}
		if s.boolShare >= 0.9 {
			return 1, vocab.Text{NL: "waarden: ja/nee-antwoorden", EN: "values: yes/no answers"}
		}
		if s.refShare >= 0.8 {
			return -1, vocab.Textf("de waarden zijn kenmerken (%q), geen ja/nee-antwoorden", "its values are references (%q), not yes/no answers", s.refShape)
		}
		if s.boolShare < 0.5 {
			return -1, vocab.Text{NL: "de waarden zijn geen ja/nee-antwoorden", EN: "its values are not yes/no answers"}
		}
	case model.BSN:
		if s.bsnShare >= 0.8 {
			return 1, textBSNs
		}
		if s.dateShare >= 0.8 || s.boolShare >= 0.8 {
			return -1, vocab.Text{NL: "de waarden zijn geen BSN's", EN: "its values are not BSNs"}
		}
	case model.Enum:
		if c.Name == "consent_type" && s.consentQuestions() {
			return 1, textConsentQuestions
		}
		if !s.anyLabel(c) {
			return -1, vocab.Textf("geen van de waarden is een van %s", "none of its values is one of %s", strings.Join(c.Values, ", "))
		}
	case model.Decimal:
		if s.boolShare >= 0.9 && s.filled >= 2 {
			return -1, vocab.Text{NL: "de waarden zijn ja/nee-antwoorden", EN: "its values are yes/no answers"}
		}
		if s.dateShare >= 0.9 && !s.serials {
			return -1, vocab.Text{NL: "de waarden zijn datums", EN: "its values are dates"}
		}
	case model.Text:
		if s.contact != "" && contactForms[c.Name] != nil && s.contact == c.Name {
			return 1, vocab.Textf("waarden: de vorm van %s", "values: the form of %s", c.Name)
		}
		if c.Name == "system" && s.descShare >= 0.5 {
			return -1, vocab.Text{NL: "de waarden beschrijven wat een systeem doet, ze noemen het niet", EN: "its values describe what a system does, not its name"}
		}
		if s.dateShare >= 0.9 && !s.serials && s.filled >= 3 {
			return -1, vocab.Text{NL: "de waarden zijn datums", EN: "its values are dates"}
		}
		if s.boolShare >= 0.9 && s.filled >= 2 && !yesNoText[c.Name] {
			return -1, vocab.Text{NL: "de waarden zijn ja/nee-antwoorden", EN: "its values are yes/no answers"}
		}
		if identifying(c) {
			switch {
			case c.RowKey && s.idShare < 0.5 && s.refShare < 0.5 && s.filled >= 3:
				// a note's own text is no note number: the row is
				return -1, vocab.Text{NL: "de waarden zijn tekst, geen nummers", EN: "its values are text, not numbers"}
			case s.counts && c.Name != "retention_days":
				return -1, vocab.Text{NL: "de waarden zijn aantallen (kleine getallen die terugkomen), geen nummers", EN: "its values are counts (small numbers that repeat), not numbers of records"}
			case s.nameShare >= 0.6 && c.Name != "username":
				return -1, vocab.Text{NL: "de waarden zijn namen, geen nummers", EN: "its values are names, not numbers"}
			case s.textShare >= 0.5:
				return -1, vocab.Text{NL: "de waarden zijn vrije tekst, geen nummers", EN: "its values are free text, not numbers"}
			case s.dateShare >= 0.9 && !s.serials:
				return -1, vocab.Text{NL: "de waarden zijn datums", EN: "its values are dates"}
			}
		}
	}
	return 0, vocab.Text{}
}

// firstShortYear is the first value that is a date with a two-digit year.
func (s shape) firstShortYear() string {
	for _, l := range s.labels {
		if shortYearPattern.MatchString(l) {
			return l
		}
	}
	return ""
}

// fitsCheckbox reports whether the values are a checkbox of one mark and
// blanks.
func (s shape) fitsCheckbox() bool { return s.checkbox != "" }

// maxQuestions is the most distinct labels a column of consent questions
// has: a portal asks a handful of questions, not one per child.
const maxQuestions = 40

// consentQuestions reports whether the values are the questions of a
// consent export in long form ("Foto's op onze website en social media",
// "Mee op uitstapjes"): most of them come near a consent value, or at
// least two do among a handful of phrases (the portal also asks things
// the model has no value for, such as trips or health data).
func (s shape) consentQuestions() bool {
	return s.consent >= 0.5 || (s.consentN >= 2 && s.filled <= maxQuestions && s.descShare >= 0.5 && s.nameShare < 0.5)
}

// yesNoText are the text columns a yes/no answer can fill ("DPIA: ja",
// "Instemming OR: n.v.t.").
var yesNoText = map[string]bool{"dpia_reference": true, "works_council_consent": true, "certifications": true, "transfer_mechanism": true}

// identifying reports whether column c holds a record's number or code:
// a key, a link to another record (child_id), a reference.
func identifying(c *model.Column) bool {
	return c.Key || strings.HasSuffix(c.Name, "_id") || c.Name == "username" || strings.HasSuffix(c.Name, "_reference") || c.Name == "record_key"
}

// anyLabel reports whether any of the values is, or by its words comes
// near, one of enumeration c's values.
func (s shape) anyLabel(c *model.Column) bool {
	if len(s.labels) == 0 {
		return true
	}
	known := map[string]bool{}
	for _, v := range c.Values {
		known[v] = true
		for _, l := range valueSynonyms[c.Name][v] {
			known[Key(l)] = true
		}
	}
	n := 0
	for _, l := range s.labels {
		if known[strings.ToLower(l)] || known[Key(l)] {
			n++
		} else if _, _, ok := nearestValue(c.Name, c.Values, l); ok {
			n++
		}
	}
	return 2*n >= len(s.labels) // most labels are values of the enumeration
}

// Evidence of values that more than one place gives.
var (
	textBSNs             = vocab.Text{NL: "waarden: BSN's (9 cijfers die de elfproef doorstaan)", EN: "values: BSNs (9 digits passing the 11-check)"}
	textConsentQuestions = vocab.Text{NL: "waarden: toestemmingsvragen", EN: "values: consent questions"}
)

// Keys are the key values of exports already placed, by canonical column
// ("child_id" -> the child numbers of the administration's children), so
// that a column holding them elsewhere is recognised as the link.
type Keys map[string]KeySet

// KeySet is one export's key values.
type KeySet struct {
	Values map[string]bool
	From   string // the export they come from, for the manifest comment
}

// productsKey is the Keys entry holding the products the exports' file
// names name (normalised with Key), not a column's keys.
const productsKey = "\x00products"

// siblingsKey is the Keys entry holding, per first word of a file name,
// the systems whose tables exports of that name were placed on
// ("ouderlink\x00portal"), not a column's keys.
const siblingsKey = "\x00siblings"

// siblingSystem is the one system the exports whose file names begin with
// the same word as names were placed on; "" when none or several.
func (k Keys) siblingSystem(names string) string {
	w := Key(firstNameWord(names))
	found := ""
	for v := range k[siblingsKey].Values {
		if pre, sys, _ := strings.Cut(v, "\x00"); pre == w && w != "" {
			if found != "" && found != sys {
				return ""
			}
			found = sys
		}
	}
	return found
}

// Keys entries holding the first and last names of the administration's
// children (lower case; a last name also by its last word), to recognise a
// register that names children instead of numbering them.
const (
	firstNamesKey = "\x00first"
	lastNamesKey  = "\x00last"
)

// nameSeparators part the names of several children in one cell.
var nameSeparators = []string{",", ";", "/", " en ", " & ", " and "}

// namesChildren is the share of the filled cells that name at least one
// child of the administration ("Hugo Brouwer, Saar de Wit": a first name
// and a last name it knows), and the separator of cells with several.
func (k Keys) namesChildren(v Values) (float64, string) {
	firsts, lasts := k[firstNamesKey].Values, k[lastNamesKey].Values
	if len(firsts) == 0 || len(lasts) == 0 {
		return 0, ""
	}
	named, filled := 0, 0
	seps := map[string]int{}
	for _, cell := range v.Distinct {
		cell = strings.TrimSpace(cell)
		if cell == "" {
			continue
		}
		filled++
		parts := []string{cell}
		for _, sep := range nameSeparators {
			if strings.Contains(cell, sep) {
				parts = strings.Split(cell, sep)
				seps[strings.TrimSpace(sep)]++
				break
			}
		}
		for _, part := range parts {
			ws := strings.Fields(strings.ToLower(part))
			if len(ws) >= 2 && firsts[ws[0]] && lasts[ws[len(ws)-1]] {
				named++
				break
			}
		}
	}
	if filled == 0 {
		return 0, ""
	}
	sep := ""
	for s, n := range seps {
		if n > seps[sep] {
			sep = s
		}
	}
	return float64(named) / float64(filled), sep
}

// products are the products the file names of the exports name.
func (k Keys) products() []string {
	var out []string
	for p := range k[productsKey].Values {
		out = append(out, p)
	}
	return out
}

// keyOwners are the tables whose key other tables link to, and the link
// column's name.
var keyOwners = map[string]string{
	"admin_children":    "child_id",
	"admin_guardians":   "guardian_id",
	"portal_children":   "portal_child_id",
	"tracking_children": "tracking_child_id",
	"staff":             "employee_id",
}

// linkOf names the key set v's values come from: the canonical column
// whose keys hold at least 90% of them (and at least two).
func (k Keys) linkOf(v Values) (string, string) {
	best, from, share := "", "", 0.0
	for col, set := range k {
		if strings.HasPrefix(col, "\x00") {
			continue // not a column's keys
		}
		in, n := 0, 0
		for _, cell := range v.Distinct {
			parts := []string{cell}
			if sep := idList(strings.TrimSpace(cell)); sep != "" {
				parts = strings.Split(cell, sep) // "K1, K2": several children
			}
			for _, d := range parts {
				if d = strings.TrimSpace(d); d == "" {
					continue
				}
				n++
				if set.Values[d] {
					in++
				}
			}
		}
		if n >= 2 && in >= 2 {
			if s := float64(in) / float64(n); s >= 0.9 && s > share {
				best, from, share = col, set.From, s
			}
		}
	}
	return best, from
}

// Yes/no answers are not always ja and nee: "Akkoord" and "Niet akkoord",
// "Toestemming gegeven" and "Geen toestemming", "Allowed" and "Refused".
var (
	yesWords = map[string]bool{"ja": true, "yes": true, "akkoord": true, "gegeven": true, "toegestaan": true, "granted": true,
		"allowed": true, "agreed": true, "agree": true, "wel": true, "toestemming": true, "given": true, "consent": true, "accepted": true,
		"geaccepteerd": true, "aanwezig": true, "present": true, "ok": true, "actief": true, "active": true, "enabled": true,
		"ingeschakeld": true, "signed": true, "getekend": true}
	noWords = map[string]bool{"nee": true, "no": true, "niet": true, "geen": true, "geweigerd": true, "refused": true,
		"denied": true, "weigering": true, "not": true, "none": true, "afgewezen": true, "rejected": true, "declined": true,
		"ontbreekt": true, "missing": true, "geblokkeerd": true, "blocked": true, "disabled": true, "inactief": true,
		"inactive": true, "uitgeschakeld": true, "gedeactiveerd": true, "deactivated": true, "verlopen": true, "expired": true}
)

// answerFillers are the words around a yes or no in an answer written as
// a sentence ("Yes, I agree", "Ja, ik ga akkoord"): they neither say yes
// nor make it conditional.
var answerFillers = map[string]bool{"i": true, "ik": true, "we": true, "wij": true, "do": true, "ga": true, "gaan": true,
	"hereby": true, "hierbij": true}

// toggles are the states of a switch, yes or no when a value is only
// that word ("2FA": On/Off, "Tweestaps": Aan/Uit).
var toggles = map[string]bool{"on": true, "aan": true, "off": false, "uit": false}

// statusWords read a free-text status as yes or no by its words: an
// agreement "getekend 12-03-2024" or "verlengd tot 2027" is there, one
// "in behandeling", "aangevraagd" or "verlopen" is not (yet).
var (
	statusYes = map[string]bool{"getekend": true, "ondertekend": true, "signed": true, "aanwezig": true, "present": true,
		"verlengd": true, "extended": true, "geldig": true, "valid": true, "afgesloten": true, "concluded": true, "ja": true, "yes": true,
		"akkoord": true, "ok": true, "in": true, "place": true}
	statusNo = map[string]bool{"behandeling": true, "aangevraagd": true, "requested": true, "pending": true, "concept": true,
		"draft": true, "opgevraagd": true, "verstuurd": true, "sent": true}
)

// statusValue reads a short free-text status as yes or no (see
// statusWords); ok is false when its words do not tell ("n.v.t.").
func statusValue(v string) (yes, ok bool) {
	if y, ok := boolValue(v); ok {
		return y, true
	}
	ws := words(v)
	if len(ws) == 0 || len(ws) > 6 {
		return false, false
	}
	var yesSeen, agreement bool
	for _, w := range ws {
		switch {
		case noWords[w.text] || statusNo[w.text]:
			return false, true
		case statusYes[w.text]:
			yesSeen = true
		case conceptOf(w.text) == "agreement":
			agreement = true
		}
	}
	if yesSeen || agreement {
		return true, true // "Online Services DPA": the agreement is named
	}
	return false, false
}

// boolValue reads an answer as yes or no: as the loader does (ja, nee,
// yes, no, 1, 0, x), or by its words ("Niet akkoord" is no); ok is false
// when it is no answer.
func boolValue(v string) (yes, ok bool) {
	if b, err := values.ParseBool(v); err == nil {
		return b, true
	}
	ws := words(v)
	if len(ws) == 0 || len(ws) > 5 {
		return false, false
	}
	if y, ok := toggles[ws[0].text]; ok && len(ws) == 1 {
		return y, true // a switch: "On", "Uit"
	}
	var yesSeen bool
	for _, w := range ws {
		switch {
		case noWords[w.text]:
			return false, true
		case yesWords[w.text]:
			yesSeen = true
		case stopwords[w.text] || answerFillers[w.text]:
		default:
			return false, false // another word ("maar"): not a plain answer
		}
	}
	return yesSeen, yesSeen
}
