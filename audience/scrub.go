package audience

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
)

// Markers replace the personal values a scrubbed text held, by kind of
// value, in Dutch and English. Texts without a language (finding values,
// file names, register entries) get the Dutch marker.
var Markers = map[string]results.Text{
	"name":         {NL: "[naam]", EN: "[name]"},
	"birth_date":   {NL: "[datum]", EN: "[date]"}, // a date of birth: replaced only where the text speaks of a birth (see birthContext)
	"email":        {NL: "[e-mail]", EN: "[e-mail]"},
	"contact":      {NL: "[contactgegeven]", EN: "[contact detail]"},
	"bank_account": {NL: "[IBAN]", EN: "[IBAN]"},
	"bsn":          {NL: "[BSN]", EN: "[BSN]"},
	"id":           {NL: "[kenmerk]", EN: "[identifier]"},
	"removed":      {NL: "[verwijderd]", EN: "[removed]"}, // a rejected input value
	"other":        {NL: "[persoonsgegeven]", EN: "[personal data]"},
	"free_text":    {NL: "[vrije tekst weggelaten]", EN: "[free text left out]"}, // text people write: never in the risk analysis
}

// EnglishMarkers turns the Dutch markers that language-neutral texts carry
// (finding values, file names, register entries) into English ones, for a
// report in English.
var EnglishMarkers = func() *strings.Replacer {
	var pairs []string
	for _, kind := range slices.Sorted(maps.Keys(Markers)) {
		if m := Markers[kind]; m.NL != m.EN {
			pairs = append(pairs, m.NL, m.EN)
		}
	}
	return strings.NewReplacer(pairs...)
}()

// markerList holds every marker text, to leave them alone when a text is
// scrubbed twice.
var markerList = func() []string {
	var out []string
	for _, m := range Markers {
		out = append(out, m.NL, m.EN)
	}
	slices.Sort(out)
	return slices.Compact(out)
}()

// stopwords are ordinary words of the reports' texts that are also first
// or last names (Meer in "van der Meer", May, Will, Ben). As a name on
// their own they are replaced only when written exactly as in the data.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`aan als bij ben dag dan dat de den der des die dit door een en
		geen heb het hier hij hun in kan kind maar mag meer met moet na naar niet nog of om onder ook op
		over te ten ter toe tot uit van veel voor wat wel wie zal zij zijn zo
		all and are bill can day did for from grace had has her his hope joy june may mark not now
		one our rose sky the was were who will with`) {
		stopwords[w] = true
	}
}

// tussenvoegsels are the particles of Dutch surnames; a name is not split
// into them.
var tussenvoegsels = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`aan bij d da das de del della den der des di do dos du el het in
		l la le les lo op s t te ten ter thoe tot uit uijt van vande vanden vander vd ver von voor zu`) {
		tussenvoegsels[w] = true
	}
}

// minLen is the shortest identifier a Scrubber replaces (as in the audit).
const minLen = 3

// Scrubber replaces personal values in texts: every identifier of a run,
// matched on whole words (case-insensitively, and regardless of the
// punctuation or spaces between the words of a value), longest first, and
// any e-mail address or IBAN, also ones not in the data. It is built once
// per run: scrubbing a text costs time in the text's length, not in the
// number of identifiers.
type Scrubber struct {
	root *node
}

// node is a node of a trie over the lower-cased words of the identifiers.
type node struct {
	next map[string]*node
	kind string // the kind of the identifier ending here, matched in any case
	// exact holds single-word identifiers that are also ordinary words:
	// matched only as written, word → kind.
	exact map[string]string
}

// kindRank orders the kinds when two identifiers are the same words: the
// most sensitive marker wins.
var kindRank = map[string]int{"bsn": 0, "bank_account": 1, "email": 2, "contact": 3, "birth_date": 4, "name": 5, "id": 6}

// NewScrubber builds a Scrubber for ids. A name of several words is also
// replaced word by word (not its particles such as "van" or "de").
func NewScrubber(ids []results.Identifier) *Scrubber {
	s := &Scrubber{root: &node{}}
	for _, id := range ids {
		kind := id.Kind
		if kind == "contact" && strings.Contains(id.Value, "@") {
			kind = "email"
		}
		if _, ok := Markers[kind]; !ok {
			kind = "other"
		}
		words := wordsOf(id.Value)
		if kind == "name" && onlyParticles(words) {
			continue
		}
		s.add(id.Value, words, kind)
		if kind == "name" && len(words) > 1 {
			for _, w := range words {
				if !tussenvoegsels[strings.ToLower(w)] {
					s.add(w, []string{w}, kind)
				}
			}
		}
	}
	return s
}

// onlyParticles says whether a name is no more than "van der".
func onlyParticles(words []string) bool {
	for _, w := range words {
		if !tussenvoegsels[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

func (s *Scrubber) add(value string, words []string, kind string) {
	if utf8.RuneCountInString(strings.TrimSpace(value)) < minLen || len(words) == 0 {
		return
	}
	n := s.root
	for _, w := range words {
		lw := strings.ToLower(w)
		if n.next == nil {
			n.next = map[string]*node{}
		}
		child := n.next[lw]
		if child == nil {
			child = &node{}
			n.next[lw] = child
		}
		n = child
	}
	if len(words) == 1 && stopwords[strings.ToLower(words[0])] {
		if n.exact == nil {
			n.exact = map[string]string{}
		}
		n.exact[words[0]] = moreSensitive(n.exact[words[0]], kind)
		return
	}
	n.kind = moreSensitive(n.kind, kind)
}

func moreSensitive(a, b string) string {
	if a == "" {
		return b
	}
	if kindRank[b] < kindRank[a] {
		return b
	}
	return a
}

// Text scrubs s with the markers of lang ("en", else Dutch). A date equal
// to a date of birth is replaced only where the text speaks of a birth
// (see birthContext): an agreement signed on a day some child was born
// keeps its date.
func (s *Scrubber) Text(text, lang string) string {
	if text == "" {
		return ""
	}
	text = scrubPatterns(text, lang)
	return s.scrubWords(text, lang, false)
}

// Value scrubs a finding's value of the named column (Check.Columns): in
// a column of birth dates every date of birth is replaced, elsewhere only
// where the value speaks of a birth, as in Text.
func (s *Scrubber) Value(value, column string) string {
	if value == "" {
		return ""
	}
	value = scrubPatterns(value, "nl")
	return s.scrubWords(value, "nl", isBirthWord(strings.ToLower(column)) || strings.Contains(strings.ToLower(column), "birth"))
}

// birthWords begin the words that say a date is a date of birth.
var birthWords = []string{"geboren", "geboorte", "geb", "birth", "born", "dob"}

func isBirthWord(w string) bool {
	for _, b := range birthWords {
		if strings.HasPrefix(w, b) && (b != "geb" || w == "geb" || strings.HasPrefix(w, "geboorte")) {
			return true
		}
	}
	return false
}

// birthContextWords is how far back a birth word makes a date a date of
// birth, within one sentence: "De geboortedatum van kind [kenmerk]
// verschilt tussen de administratie (2021-03-04) en ...".
const birthContextWords = 12

// birthContext reports whether the words before word i, in the same
// sentence, speak of a birth.
func birthContext(text string, spans []span, lower []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-birthContextWords; j-- {
		if strings.ContainsAny(text[spans[j].end:spans[j+1].start], ".;!?\n") {
			return false
		}
		if isBirthWord(lower[j]) {
			return true
		}
	}
	return false
}

// Texts scrubs both languages of t.
func (s *Scrubber) Texts(t results.Text) results.Text {
	return results.Text{NL: s.Text(t.NL, "nl"), EN: s.Text(t.EN, "en")}
}

func marker(kind, lang string) string {
	if lang == "en" {
		return Markers[kind].EN
	}
	return Markers[kind].NL
}

// scrubWords replaces the identifiers in text; dates of birth everywhere
// with allDates, else only in a birth context.
func (s *Scrubber) scrubWords(text, lang string, allDates bool) string {
	spans := wordSpans(text)
	if len(spans) == 0 {
		return text
	}
	lower := make([]string, len(spans))
	for i, sp := range spans {
		lower[i] = strings.ToLower(text[sp.start:sp.end])
	}
	var b strings.Builder
	last, lastKind := 0, ""
	for i := 0; i < len(spans); {
		end, kind := s.longest(text, spans, lower, i)
		if end < 0 || (kind == "birth_date" && !allDates && !birthContext(text, spans, lower, i)) {
			i++
			continue
		}
		gap := text[last:spans[i].start]
		// "Anna" "Jansen" written apart, each a name: one marker.
		if !(kind == "name" && lastKind == "name" && strings.TrimSpace(gap) == "") {
			b.WriteString(gap)
			b.WriteString(marker(kind, lang))
		}
		last, lastKind = spans[end].end, kind
		i = end + 1
	}
	if last == 0 && lastKind == "" {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// longest finds the longest identifier that starts at word i: the index of
// its last word and its kind, or -1.
func (s *Scrubber) longest(text string, spans []span, lower []string, i int) (int, string) {
	n, best, kind := s.root, -1, ""
	for j := i; j < len(spans); j++ {
		if n = n.next[lower[j]]; n == nil {
			break
		}
		if n.kind != "" {
			best, kind = j, n.kind
		} else if j == i && n.exact != nil {
			if k := n.exact[text[spans[j].start:spans[j].end]]; k != "" {
				best, kind = j, k
			}
		}
	}
	return best, kind
}

// span is a word's byte range in a text.
type span struct{ start, end int }

// isWordRune says which characters make up words: letters, digits and
// combining marks. Everything else (spaces, punctuation) separates them.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// wordSpans finds the words of text, skipping the markers of an earlier
// scrub.
func wordSpans(text string) []span {
	var out []span
	start := -1
	for i := 0; i < len(text); {
		if text[i] == '[' {
			if m := markerAt(text[i:]); m > 0 {
				if start >= 0 {
					out = append(out, span{start, i})
					start = -1
				}
				i += m
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, span{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// markerAt is the length of the marker text starts with, or 0.
func markerAt(text string) int {
	for _, m := range markerList {
		if strings.HasPrefix(text, m) {
			return len(m)
		}
	}
	return 0
}

// wordsOf splits a value into its words.
func wordsOf(value string) []string {
	spans := wordSpans(value)
	words := make([]string, len(spans))
	for i, sp := range spans {
		words[i] = value[sp.start:sp.end]
	}
	return words
}

// scrubPatterns replaces e-mail addresses and IBANs (with a valid check
// number) that stand as whole words. Both are found by hand, in one pass
// over the text: a regular expression that may start anywhere is many
// times slower on the thousands of texts of a large run.
func scrubPatterns(text, lang string) string {
	if strings.IndexByte(text, '@') >= 0 {
		text = replaceAt(text, findEmails(text), func(m string) int { return len(m) }, marker("email", lang))
	}
	if strings.IndexAny(text, "0123456789") >= 0 {
		text = replaceAt(text, findIBANs(text), ibanPrefix, marker("bank_account", lang))
		// Phone numbers and postcodes in any form, also ones not in the
		// data or written another way (0636026322, +31 6 36026322,
		// 6579GW), and BSN-like numbers in any grouping.
		whole := func(m string) int { return len(m) }
		text = replaceAt(text, values.FindPhones(text), whole, marker("contact", lang))
		text = replaceAt(text, values.FindPostcodes(text), whole, marker("contact", lang))
		text = replaceAt(text, values.FindBSNs(text), whole, marker("bsn", lang))
	}
	if strings.Contains(text, maskedBSN) {
		// Masked already (a rejected value quoted in its reason): the
		// risk analysis marks it as it marks any BSN.
		text = replaceMasked(text, marker("bsn", lang))
	}
	return text
}

// findEmails finds the e-mail addresses in text: a local part, @, and a
// domain with a dot and a top-level domain of two or more letters.
func findEmails(text string) [][]int {
	var out [][]int
	from := 0
	for {
		at := strings.IndexByte(text[from:], '@')
		if at < 0 {
			return out
		}
		at += from
		start := at
		for start > from {
			r, size := utf8.DecodeLastRuneInString(text[:start])
			if !isWordRune(r) && !strings.ContainsRune("._%+-", r) {
				break
			}
			start -= size
		}
		end := at + 1
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if !isWordRune(r) && r != '.' && r != '-' {
				break
			}
			end += size
		}
		end = at + 1 + len(strings.TrimRight(text[at+1:end], ".-"))
		if start < at && validDomain(text[at+1:end]) {
			out = append(out, []int{start, end})
			from = end
		} else {
			from = at + 1
		}
	}
}

// validDomain says whether d has a dot and ends in two or more letters.
func validDomain(d string) bool {
	dot := strings.LastIndexByte(d, '.')
	if dot <= 0 {
		return false
	}
	tld := d[dot+1:]
	return utf8.RuneCountInString(tld) >= 2 && strings.IndexFunc(tld, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// findIBANs finds what may be IBANs in text: two letters and two digits,
// then letters and digits run together or in groups of four.
func findIBANs(text string) [][]int {
	var out [][]int
	for i := 0; i+4 <= len(text); i++ {
		if !isASCIILetter(text[i]) || !isASCIILetter(text[i+1]) || !isASCIIDigit(text[i+2]) || !isASCIIDigit(text[i+3]) {
			continue
		}
		end := alnumEnd(text, i)
		if end-i == 4 { // grouped: NL91 ABNA 0417 1643 00
			for end+1 < len(text) && text[end] == ' ' {
				next := alnumEnd(text, end+1)
				if n := next - end - 1; n == 0 || n > 4 {
					break
				}
				last := next-end-1 < 4
				end = next
				if last {
					break
				}
			}
		}
		if n := end - i; n >= 15 && n <= 42 {
			out = append(out, []int{i, end})
			i = end
		}
	}
	return out
}

func alnumEnd(text string, i int) int {
	for i < len(text) && (isASCIILetter(text[i]) || isASCIIDigit(text[i])) {
		i++
	}
	return i
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
func isASCIIDigit(b byte) bool  { return b >= '0' && b <= '9' }

// replaceAt replaces the matches at locs (start, end; in order, not
// overlapping), or the part of each that accept allows (its length; 0 for
// none), where they begin and end at word boundaries, so no part of a word
// is left behind.
func replaceAt(text string, locs [][]int, accept func(string) int, repl string) string {
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		n := accept(text[loc[0]:loc[1]])
		if n == 0 || !atBoundary(text, loc[0], loc[0]+n) {
			continue
		}
		b.WriteString(text[last:loc[0]])
		b.WriteString(repl)
		last = loc[0] + n
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// ibanPrefix is the length of the longest valid IBAN m starts with, taking
// off groups after a space ("NL91 ABNA 0417 1643 00 2026"), or 0.
func ibanPrefix(m string) int {
	for {
		if validIBAN(m) {
			return len(m)
		}
		i := strings.LastIndexByte(m, ' ')
		if i < 0 {
			return 0
		}
		m = m[:i]
	}
}

func atBoundary(text string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// validIBAN checks an IBAN's check number (ISO 13616: mod 97 is 1).
func validIBAN(s string) bool {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	rearranged := s[4:] + s[:4]
	rem := 0
	for _, r := range rearranged {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A'+10)) % 97
		default:
			return false
		}
	}
	return rem == 1
}

// IsOrdinaryWord says whether w is one of the ordinary words that are
// replaced as a name only when written exactly as in the data.
func IsOrdinaryWord(w string) bool { return stopwords[strings.ToLower(w)] }

// maskedBSN starts a BSN masked by values.MaskBSN ("*****6782").
const maskedBSN = "*****"

// replaceMasked replaces every masked BSN in text, the stars and what
// follows them up to the end of the word, by marker.
func replaceMasked(text, marker string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, maskedBSN)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		b.WriteString(marker)
		j := i + len(maskedBSN)
		for j < len(text) && (text[j] == '*' || isWordByte(text[j])) {
			j++
		}
		text = text[j:]
	}
}

func isWordByte(c byte) bool { return isASCIILetter(c) || isASCIIDigit(c) }
