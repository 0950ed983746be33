package values

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindPhones finds the phone numbers in text, however they are written:
// Dutch numbers of 10 digits starting with 0 (0636026322, 06-36026322,
// 020 123 45 67, (020) 1234567) and the same with +31 or 0031 in front
// (+31636026322, +31 6 36026322, +31 (0)6 36026322), and numbers of
// another country after a + (9 to 13 digits). It returns the byte ranges,
// in order. Dates (01-09-2026 12) and numbers glued to letters are not
// phone numbers.
func FindPhones(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		c := text[i]
		if !isDigit(c) && c != '+' && c != '(' || i > 0 && isAlnum(text[i-1]) {
			i++
			continue
		}
		gs := phoneGroups(text, i)
		if len(gs) == 0 {
			i++
			continue
		}
		end := gs[len(gs)-1][1]
		for a := 0; a < len(gs); a++ {
			for b := len(gs) - 1; b >= a; b-- {
				start := gs[a][0]
				if a == 0 {
					start = i // with the + or ( in front
				}
				if isPhone(text[start:gs[b][1]]) && !phoneDate(text, gs[a:b+1]) &&
					(gs[b][1] == len(text) || !isAlnum(text[gs[b][1]])) {
					out = append(out, []int{start, gs[b][1]})
					a = b
					break
				}
			}
		}
		i = end
	}
	return out
}

// phoneGroups reads the digit groups of a phone-like span at text[i]: an
// optional + or (, then digit groups joined by one or two of " -./()"
// (and non-breaking spaces), two only with a parenthesis.
func phoneGroups(text string, i int) [][]int {
	if text[i] == '+' || text[i] == '(' {
		i++
	}
	var gs [][]int
	for i < len(text) && isDigit(text[i]) {
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		gs = append(gs, []int{i, j})
		k, n := j, 0
		for k < len(text) && n < 2 {
			if text[k] == ' ' || text[k] == '-' || text[k] == '.' || text[k] == '/' || text[k] == '(' || text[k] == ')' {
				k++
				n++
				continue
			}
			if r, size := utf8.DecodeRuneInString(text[k:]); r == '\u00a0' || r == '\u202f' {
				k += size
				n++
				continue
			}
			break
		}
		if n == 2 && !strings.ContainsAny(text[j:k], "()") {
			break
		}
		i = k
	}
	return gs
}

// isPhone reports whether s, digits with separators, is a phone number.
func isPhone(s string) bool {
	intl := strings.HasPrefix(s, "+")
	var d []byte
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d = append(d, s[i])
		}
	}
	digits := string(d)
	if !intl && strings.HasPrefix(digits, "00") {
		intl, digits = true, digits[2:]
	}
	if intl {
		rest, nl := strings.CutPrefix(digits, "31")
		if !nl {
			return len(digits) >= 9 && len(digits) <= 13 && digits[0] != '0'
		}
		if !strings.HasPrefix(rest, "0") {
			rest = "0" + rest
		}
		digits = rest
	}
	return len(digits) == 10 && digits[0] == '0' && digits[1] != '0'
}

// phoneDate reports whether the groups include a date (2-2-4 or 4-2-2
// digits joined by one separator).
func phoneDate(text string, gs [][]int) bool {
	for k := 0; k+2 < len(gs); k++ {
		l0, l1, l2 := gs[k][1]-gs[k][0], gs[k+1][1]-gs[k+1][0], gs[k+2][1]-gs[k+2][0]
		s1, s2 := text[gs[k][1]:gs[k+1][0]], text[gs[k+1][1]:gs[k+2][0]]
		if s1 == s2 && l1 == 2 && (l0 == 2 && l2 == 4 || l0 == 4 && l2 == 2) {
			return true
		}
	}
	return false
}

// FindPostcodes finds Dutch postcodes in text: 4 digits (the first not 0)
// and 2 letters, with a space between them (then in capitals: "1011 AB")
// or without one ("1011AB", "1011ab"); SA, SD and SS are not used. It
// returns the byte ranges, in order.
func FindPostcodes(text string) [][]int {
	var out [][]int
	for i := 0; i+6 <= len(text); i++ {
		if text[i] < '1' || text[i] > '9' || !isDigit(text[i+1]) || !isDigit(text[i+2]) || !isDigit(text[i+3]) ||
			i > 0 && isAlnum(text[i-1]) {
			continue
		}
		j := i + 4
		spaced := text[j] == ' '
		if spaced {
			j++
		}
		if j+2 > len(text) || !isLetter(text[j]) || !isLetter(text[j+1]) || j+2 < len(text) && isAlnum(text[j+2]) {
			continue
		}
		letters := strings.ToUpper(text[j : j+2])
		if spaced && letters != text[j:j+2] || letters == "SA" || letters == "SD" || letters == "SS" {
			continue
		}
		out = append(out, []int{i, j + 2})
		i = j + 1
	}
	return out
}

// particles are the lower-case words of Dutch surnames (de, van, ter).
var particles = map[string]bool{}

func init() {
	for _, w := range strings.Fields("d da de del den der des di du el het in la le op s t te ten ter tot uit van vd ver von") {
		particles[w] = true
	}
}

// MaskValue returns an input value as a message or report may show it,
// masked according to what it looks like, whatever column it was in:
//
//   - a BSN (9 digits, in any grouping; also in longer text) as MaskBSN;
//   - an e-mail address as its first letter and top-level domain
//     (w***@***.nl);
//   - an IBAN as its country, check digits and last 2 (NL91**********00);
//   - a phone number as its first and last 2 characters (06******22);
//   - a person's name (two or more capitalised words, Dutch particles
//     allowed: Jan de Vries) as initials (J. d. V.); with nameLike (the
//     value was in a column where a name does not belong, such as a BSN
//     column) any value of letters only.
//
// Anything else is returned with only its BSNs masked: "morgen" in a date
// column tells the user what is wrong and is no one's personal data.
func MaskValue(s string, nameLike bool) string {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return ""
	case bsnShaped(t):
		return MaskBSN(t)
	case strings.Count(t, "@") == 1 && !strings.ContainsAny(t, " \t"):
		local, domain, _ := strings.Cut(t, "@")
		if dot := strings.LastIndexByte(domain, '.'); local != "" && dot > 0 {
			r, _ := utf8.DecodeRuneInString(local)
			return string(r) + "***@***" + domain[dot:]
		}
	case ValidIBAN(t):
		n := NormalizeIBAN(t)
		return n[:4] + "**********" + n[len(n)-2:]
	}
	if p := FindPhones(t); len(p) == 1 && p[0][0] == 0 && p[0][1] == len(t) {
		c := strings.Map(func(r rune) rune {
			if r == '+' || '0' <= r && r <= '9' {
				return r
			}
			return -1
		}, t)
		return c[:2] + "******" + c[len(c)-2:]
	}
	if words := strings.Fields(t); looksLikeName(words, nameLike) {
		initials := make([]string, len(words))
		for i, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			initials[i] = string(r) + "."
		}
		return strings.Join(initials, " ")
	}
	return MaskBSNsInText(s)
}

// bsnShaped reports whether s is 9 digits with separators, or 8 digits
// that are a valid BSN once a dropped leading zero is put back.
func bsnShaped(s string) bool {
	d := stripBSN(s)
	return allDigits(d) && (len(d) == 9 || len(d) == 8 && d == s && ValidBSN("0"+d))
}

// looksLikeName reports whether words are a person's name: letters (and '
// or -) only, two or more words of which the first and last are
// capitalised and the others capitalised or particles; with any, one or
// more words of letters.
func looksLikeName(words []string, any bool) bool {
	if len(words) == 0 || len(words) > 6 || !any && len(words) < 2 {
		return false
	}
	for i, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '\'' && r != '-' && r != '.' {
				return false
			}
		}
		if any {
			continue
		}
		first, _ := utf8.DecodeRuneInString(w)
		capital := unicode.IsUpper(first)
		if (i == 0 || i == len(words)-1) && !capital || !capital && !particles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// MaskContactsInText masks, in free text, the BSNs (see MaskBSNsInText),
// phone numbers (06******22) and postcodes (65** **) written in any form:
// the FG sees text people wrote with these masked.
func MaskContactsInText(s string) string {
	s = MaskBSNsInText(s)
	s = replaceSpans(s, FindPhones(s), func(m string) string { return MaskValue(m, false) })
	return replaceSpans(s, FindPostcodes(s), func(m string) string { return m[:2] + "** **" })
}

// replaceSpans replaces the byte ranges locs (in order, not overlapping)
// of s by what repl makes of them.
func replaceSpans(s string, locs [][]int, repl func(string) string) string {
	if len(locs) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		b.WriteString(s[last:l[0]])
		b.WriteString(repl(s[l[0]:l[1]]))
		last = l[1]
	}
	b.WriteString(s[last:])
	return b.String()
}
