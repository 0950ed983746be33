package reports

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Long Dutch compounds ("verwerkersovereenkomst", "gezondheidsgegevens")
// do not fit the narrow cells of a risk matrix, and the browser has no
// Dutch hyphenation to break them. hyphenate puts soft hyphens (shown
// only where a line breaks) where the parts of a compound meet, so a word
// breaks as a person would break it ("verwerkers-" / "overeenkomst"),
// not in the middle of a part and not out of its cell.

// softHyphen is shown as a hyphen only where the line breaks.
const softHyphen = "\u00ad"

// minHyphenate is the shortest word that gets soft hyphens.
const minHyphenate = 11

// compoundHeads are the last parts of the compounds the reports' texts
// use, longest first where one ends another.
var compoundHeads = []string{
	"overeenkomst", "administratie", "toestemming", "medewerkers", "medewerker", "verwerking", "registratie",
	"gegevens", "document", "documenten", "termijn", "termijnen", "systeem", "systemen", "treding", "portaal",
	"register", "beleid", "verzoek", "vragen", "school", "dossier", "bestand", "programma", "overdracht",
	"informatie", "nummer", "datum", "groep", "locatie", "opvang", "functionaris", "bescherming", "onderzoek",
	"coördinator", "manager", "beheerder", "officer",
}

// compoundLinks are the letters between two parts ("verwerkers-overeenkomst"
// keeps its s on the left).
var compoundLinks = []string{"s", "en", "e"}

// hyphenate puts soft hyphens into the long words of s.
func hyphenate(s string) string {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(hyphenateWord(s[start:end]))
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// hyphenateWord splits one word before its last known part, and the rest
// again; a long word with no known part is split between syllables near
// its middle.
func hyphenateWord(w string) string {
	if utf8.RuneCountInString(w) < minHyphenate {
		return w
	}
	lower := strings.ToLower(w)
	for _, head := range compoundHeads {
		if !strings.HasSuffix(lower, head) {
			continue
		}
		cut := len(w) - len(head)
		if utf8.RuneCountInString(w[:cut]) < 4 {
			continue
		}
		return hyphenateWord(w[:cut]) + softHyphen + w[cut:]
	}
	for _, head := range compoundHeads {
		for _, link := range compoundLinks {
			if i := strings.Index(lower, head+link); i > 0 && i+len(head+link) < len(lower) {
				cut := i + len(head+link)
				if utf8.RuneCountInString(w[cut:]) >= 4 {
					return w[:cut] + softHyphen + hyphenateWord(w[cut:])
				}
			}
		}
	}
	if utf8.RuneCountInString(w) < 2*minHyphenate-4 {
		return w
	}
	if cut := syllableBreak(w); cut > 0 {
		return w[:cut] + softHyphen + w[cut:]
	}
	return w
}

// syllableBreak is the byte offset of a break between syllables nearest
// the middle of w: before the last consonant of a run of consonants
// between two vowels. 0 if there is none.
func syllableBreak(w string) int {
	runes := []rune(strings.ToLower(w))
	vowel := func(r rune) bool { return strings.ContainsRune("aeiouyéëèïöü", r) }
	best, bestDist := 0, len(runes)
	for i := 2; i < len(runes)-3; i++ {
		if vowel(runes[i]) || !vowel(runes[i+1]) {
			continue
		}
		j := i
		for j > 0 && !vowel(runes[j-1]) {
			j--
		}
		if j == 0 || j == i+1 {
			continue
		}
		if d := max(i-len(runes)/2, len(runes)/2-i); d < bestDist && i >= 4 {
			best, bestDist = i, d
		}
	}
	if best == 0 {
		return 0
	}
	return len(string([]rune(w)[:best]))
}

// breakable lets an identifier of words joined by underscores
// ("processor_agreement_expiring") break after an underscore, rather than
// in the middle of a word or not at all.
func breakable(id string) template.HTML {
	parts := strings.Split(id, "_")
	for i := range parts {
		parts[i] = template.HTMLEscapeString(parts[i])
	}
	return template.HTML(strings.Join(parts, "_<wbr>"))
}

// breakKey lets a record key break after each slash and nowhere else but
// where it must: F0001/<wbr>PK0123, not F0001/PK / 0123.
func breakKey(key string) template.HTML {
	parts := strings.Split(key, "/")
	for i := range parts {
		parts[i] = template.HTMLEscapeString(parts[i])
	}
	return template.HTML(strings.Join(parts, "/<wbr>"))
}
