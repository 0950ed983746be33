package values

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var expectBSN = expectation{
	en: "a BSN of 9 digits",
	nl: "is geen BSN: een BSN bestaat uit 9 cijfers",
}

// stripBSN removes the spaces, dots and dashes that exports put in BSNs.
func stripBSN(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// NormalizeBSN removes spaces and dots from a BSN and restores a dropped
// leading zero (8 digits become 9). The result is exactly 9 digits,
// otherwise an error is returned; its Value is masked with MaskBSN. Any
// other character, including a dash or a slash, is an error, and so is a
// value written like a date (31.07.2016, 2016 07 31), so that a date in a
// BSN column is rejected rather than read as 031072016. NormalizeBSN does
// not apply the 11-check (see ValidBSN), so that invalid BSNs can still be
// loaded and reported.
func NormalizeBSN(s string) (string, error) {
	d := strings.Map(func(r rune) rune {
		if r == '.' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	if len(d) == 8 && allDigits(d) && !dateShaped(s) {
		d = "0" + d
	}
	if len(d) != 9 || !allDigits(d) {
		if strings.ContainsAny(s, "0123456789") {
			return "", expectBSN.errorFor(MaskBSN(s))
		}
		// Letters only: most likely a name in the wrong column, whose last
		// letters MaskBSN would show.
		return "", expectBSN.errorFor(MaskValue(s, true))
	}
	return d, nil
}

// dateShaped reports whether s, trimmed, is three groups of digits of
// lengths 2-2-4 or 4-2-2 separated by single dots or spaces, such as
// 31.07.2016 or 2016 07 31.
func dateShaped(s string) bool {
	s = strings.TrimSpace(s)
	var lens []int
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i || len(lens) == 3 {
			return false
		}
		lens = append(lens, j-i)
		if j < len(s) {
			if s[j] != '.' && s[j] != ' ' {
				return false
			}
			j++
			if j == len(s) {
				return false
			}
		}
		i = j
	}
	return len(lens) == 3 && lens[1] == 2 &&
		(lens[0] == 2 && lens[2] == 4 || lens[0] == 4 && lens[2] == 2)
}

// ValidBSN reports whether s, exactly 9 digits (see NormalizeBSN), passes
// the 11-check (elfproef): 9*d1 + 8*d2 + ... + 2*d8 - d9 is divisible by 11.
// 000000000 is not valid.
func ValidBSN(s string) bool {
	if len(s) != 9 || !allDigits(s) || s == "000000000" {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += (9 - i) * int(s[i]-'0')
	}
	sum -= int(s[8] - '0')
	return sum%11 == 0
}

// MaskBSN hides a BSN, showing at most its last 4 characters:
// "123456782" becomes "*****6782". Spaces, dots and dashes are removed
// first. An empty value stays empty; a value of fewer than 5 characters
// becomes "*****".
func MaskBSN(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	d := stripBSN(s)
	n := utf8.RuneCountInString(d)
	if n < 5 {
		return "*****"
	}
	// Skip all but the last 4 runes.
	i := 0
	for k := 0; k < n-4; k++ {
		_, size := utf8.DecodeRuneInString(d[i:])
		i += size
	}
	return "*****" + d[i:]
}

// maskPrefix starts every masked BSN.
const maskPrefix = "*****"

// MaskBSNsInText hides the BSNs in free text. It is a last line of defence
// for report output. Replaced by their MaskBSN form ("*****6782") are:
//
//   - every run of exactly 9 consecutive digits that is not part of a
//     longer run of digits, valid or not, whatever surrounds it;
//   - 9 digits in groups joined by single spaces (also non-breaking and
//     thin ones), dots or dashes, in any grouping and valid or not
//     (123 456 782, 69.39.58.832, 3457 741 15), where the groups touch no
//     ASCII letter and are not joined to more digits by the separator
//     they use (so 1.123.456.782, +31 6 36026322 and 06 3602 6322 are left
//     alone, and 31-07-2016 123.456.789 is masked after the date);
//   - a standalone run of exactly 8 digits that passes ValidBSN once a
//     leading zero is added back (spreadsheets drop it).
//
// Standalone means that the digits touch no ASCII letter or digit and are
// not joined to more digits by a '.', ' ' or '-': 06-12345678, 12345678.50
// and an 8-digit run inside a SHA-256 in hex are left alone. Dates
// (31-07-2016, 2026-09-01), also when a number follows them (01-09-2026 3),
// and times (14:05) never match. A masked BSN counts as 9 digits, so that
// masking twice changes nothing.
//
// Values the tool makes itself must hold no 9 digits in a row: pseudonyms
// are written in letters for that reason (see package pseudonym).
func MaskBSNsInText(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		gs, seps, end := chainAt(s, i)
		for _, m := range chainMasks(s, gs, seps) {
			if last == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:m.start])
			b.WriteString(MaskBSN(m.digits))
			last = m.end
		}
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// FindBSNs returns the byte ranges of what MaskBSNsInText masks in s, in
// order, for a caller that replaces them otherwise (by a marker).
func FindBSNs(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		gs, seps, end := chainAt(s, i)
		for _, m := range chainMasks(s, gs, seps) {
			out = append(out, []int{m.start, m.end})
		}
		i = end
	}
	return out
}

// group is one run of digits in a chain (see chainAt), or a masked BSN.
type group struct {
	start, end int // byte range in the text (of "*****6782" for a masked BSN)
	n          int // digits; a masked BSN counts as 9
	masked     bool
}

// chainAt reads the groups of digits that start at s[i] and are joined by
// single separators (see sepAt): the groups, the class of each separator
// between them, and the end of the last group.
func chainAt(s string, i int) (gs []group, seps []byte, end int) {
	for {
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		g := group{start: i, end: j, n: j - i}
		if j-i == 4 && i >= len(maskPrefix) && s[i-len(maskPrefix):i] == maskPrefix {
			g = group{start: i - len(maskPrefix), end: j, n: 9, masked: true}
		}
		gs = append(gs, g)
		class, size := sepAt(s, j)
		next := j + size
		if class == 0 || next >= len(s) {
			return gs, seps, j
		}
		switch {
		case isDigit(s[next]):
			i = next
		case strings.HasPrefix(s[next:], maskPrefix) && next+len(maskPrefix) < len(s) && isDigit(s[next+len(maskPrefix)]):
			i = next + len(maskPrefix)
		default:
			return gs, seps, j
		}
		seps = append(seps, class)
	}
}

// sepAt tells whether a separator that may join groups of digits starts at
// s[i]: its class (' ' for any space, '.', '-'; 0 for none) and length.
func sepAt(s string, i int) (byte, int) {
	if i >= len(s) {
		return 0, 0
	}
	switch s[i] {
	case ' ', '.', '-':
		return s[i], 1
	case '\t', '\r', '\n':
		return 0, 0
	}
	if s[i] < utf8.RuneSelf {
		return 0, 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '\u00a0', '\u2007', '\u2009', '\u200a', '\u202f', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u3000':
		return ' ', size
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212':
		return '-', size
	}
	return 0, 0
}

// bsnSpan is a part of a text to mask and its digits.
type bsnSpan struct {
	start, end int
	digits     string
}

// chainMasks finds the BSNs in a chain of groups (see MaskBSNsInText).
func chainMasks(s string, gs []group, seps []byte) []bsnSpan {
	digitsOf := func(a, b int) string {
		var d []byte
		for k := a; k <= b; k++ {
			d = append(d, s[gs[k].start:gs[k].end]...)
		}
		return string(d)
	}
	// touchesLetter: groups a to b touch a letter, or follow one joined to
	// them by the separator they use, as in a code (FAC-2017-00001), unless
	// they are a valid BSN written in the usual 3-3-3 or 4-2-3 groups.
	touchesLetter := func(a, b int) bool {
		i, j := gs[a].start, gs[b].end
		lens := [3]int{gs[a].n, gs[min(a+1, b)].n, gs[b].n}
		usual := b == a+2 && (lens == [3]int{3, 3, 3} || lens == [3]int{4, 2, 3}) && ValidBSN(digitsOf(a, b))
		code := a < b && i > 1 && s[i-1] == seps[a] && seps[a] != ' ' && isLetter(s[i-2]) && !usual
		return code || i > 0 && isAlnum(s[i-1]) || j < len(s) && isAlnum(s[j])
	}
	n := len(gs)
	if n == 1 {
		g := gs[0]
		switch {
		case g.masked:
		case g.n == 9:
			return []bsnSpan{{g.start, g.end, s[g.start:g.end]}}
		case g.n == 8 && ValidBSN("0"+s[g.start:g.end]) &&
			(g.start == 0 || !isAlnum(s[g.start-1])) && (g.end == len(s) || !isAlnum(s[g.end])):
			return []bsnSpan{{g.start, g.end, "0" + s[g.start:g.end]}}
		}
		return nil
	}
	// The whole chain is 9 digits, in any grouping.
	total, masked := 0, false
	for _, g := range gs {
		total += g.n
		masked = masked || g.masked
	}
	// Two groups joined by a dot, one of at most 2 digits, are a decimal
	// number (1234567.89, 0.12345672).
	decimal := n == 2 && seps[0] == '.' && min(gs[0].n, gs[1].n) <= 2
	if total == 9 && !masked && !decimal && !touchesLetter(0, n-1) && !hasDate(gs, seps, 0, n-1) {
		return []bsnSpan{{gs[0].start, gs[n-1].end, digitsOf(0, n-1)}}
	}
	// Part of a longer chain: a group of 9 digits, or groups of 9 digits in
	// all joined by one separator that differs from the ones joining them to
	// the rest.
	var out []bsnSpan
	for a := 0; a < n; a++ {
		if gs[a].masked {
			continue
		}
		if gs[a].n == 9 {
			out = append(out, bsnSpan{gs[a].start, gs[a].end, s[gs[a].start:gs[a].end]})
			continue
		}
		sum := gs[a].n
		for b := a + 1; b < n && sum < 9 && !gs[b].masked && seps[b-1] == seps[a]; b++ {
			sum += gs[b].n
			if sum != 9 {
				continue
			}
			sep := seps[a]
			if !decimal && (a == 0 || seps[a-1] != sep) && (b == n-1 || seps[b] != sep) &&
				!touchesLetter(a, b) && !hasDate(gs, seps, a, b) {
				out = append(out, bsnSpan{gs[a].start, gs[b].end, digitsOf(a, b)})
				a = b
			}
			break
		}
	}
	return out
}

// hasDate reports whether groups a to b include three that make a date:
// 2-2-4 or 4-2-2 digits joined by one separator (31-07-2016, 2026 09 01).
func hasDate(gs []group, seps []byte, a, b int) bool {
	for k := a; k+2 <= b; k++ {
		l0, l1, l2 := gs[k].n, gs[k+1].n, gs[k+2].n
		if seps[k] == seps[k+1] && l1 == 2 && (l0 == 2 && l2 == 4 || l0 == 4 && l2 == 2) &&
			!gs[k].masked && !gs[k+2].masked {
			return true
		}
	}
	return false
}

// bsnForms says which written forms of a BSN a search counts; the grouped
// forms (3-3-3, 4-2-3) always count.
type bsnForms struct {
	loose9  bool // a run of 9 digits counts whatever surrounds it
	padded8 bool // a standalone run of 8 digits counts once a leading zero is added
}

var detectForms = bsnForms{}

// nextBSN finds the first BSN in s at or after byte i: where it starts and
// ends and its 9 digits, or a start of -1 if there is none.
func nextBSN(s string, i int, f bsnForms) (int, int, string) {
	for i < len(s) {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		standalone := func() bool { return freeBefore(s, i, isJoiner) && freeAfter(s, j, isJoiner) }
		switch n := j - i; {
		case n == 9 && ValidBSN(s[i:j]) && (f.loose9 || standalone()):
			return i, j, s[i:j]
		case n == 8 && f.padded8 && ValidBSN("0"+s[i:j]) && standalone():
			return i, j, "0" + s[i:j]
		case n == 3 || n == 4:
			if end, digits := groupedBSN(s, i, j); digits != "" {
				return i, end, digits
			}
		}
		i = j
	}
	return -1, -1, ""
}

func isJoiner(c byte) bool { return c == '.' || c == ' ' || c == '-' }

func isLetter(c byte) bool { return isUpper(c) || 'a' <= c && c <= 'z' }

func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) }

// freeBefore reports whether the digits starting at s[i] touch no letter or
// digit on the left and are not joined (by a byte for which joins is true)
// to a digit there.
func freeBefore(s string, i int, joins func(byte) bool) bool {
	switch {
	case i == 0:
		return true
	case isAlnum(s[i-1]):
		return false
	}
	return !(i >= 2 && joins(s[i-1]) && isDigit(s[i-2]))
}

// freeAfter is freeBefore for the right of digits ending before s[j]. A
// masked BSN counts as digits, so that masking twice changes nothing.
func freeAfter(s string, j int, joins func(byte) bool) bool {
	switch {
	case j == len(s):
		return true
	case isAlnum(s[j]):
		return false
	}
	return !(joins(s[j]) && j+1 < len(s) &&
		(isDigit(s[j+1]) || strings.HasPrefix(s[j+1:], maskPrefix)))
}

// groupedBSN looks for a standalone valid BSN written as 3-3-3 or 4-2-3
// digit groups whose first group is s[i:j]. It returns the end of the
// groups and their 9 digits, or "" if there is none.
func groupedBSN(s string, i, j int) (int, string) {
	if j >= len(s) || !isJoiner(s[j]) {
		return 0, ""
	}
	sep := s[j]
	joins := func(c byte) bool { return c == sep }
	// The last digits of a masked BSN do not start a new one.
	if strings.HasSuffix(s[:i], maskPrefix) || !freeBefore(s, i, joins) {
		return 0, ""
	}
	want := [3]int{3, 3, 3}
	if j-i == 4 {
		want = [3]int{4, 2, 3}
	}
	digits := make([]byte, 0, 9)
	k := i
	for g, n := range want {
		if g > 0 {
			if k >= len(s) || s[k] != sep {
				return 0, ""
			}
			k++
		}
		start := k
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k-start != n {
			return 0, ""
		}
		digits = append(digits, s[start:k]...)
	}
	if !freeAfter(s, k, joins) || !ValidBSN(string(digits)) {
		return 0, ""
	}
	return k, string(digits)
}

// ContainsBSN reports whether s holds something that is most likely a BSN:
// a standalone run of exactly 9 digits, or 9 digits in groups of 3-3-3 or
// 4-2-3 (see MaskBSNsInText), that passes ValidBSN. Unlike MaskBSNsInText it
// does not count 8-digit runs, which are far more often dates (20240115) or
// numbers than BSNs that lost their leading zero.
func ContainsBSN(s string) bool {
	start, _, _ := nextBSN(s, 0, detectForms)
	return start >= 0
}
