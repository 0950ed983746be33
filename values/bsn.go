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
		return "", expectBSN.errorFor(MaskBSN(s))
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
//     longer run of digits and passes ValidBSN, whatever surrounds it;
//   - a standalone run of exactly 8 digits that passes ValidBSN once a
//     leading zero is added back (spreadsheets drop it);
//   - a standalone BSN written in groups of 3-3-3 or 4-2-3 digits joined by
//     the same single '.', ' ' or '-' (123.456.782, 1234 56 782) that
//     passes ValidBSN.
//
// Standalone means that the digits touch no ASCII letter or digit and are
// not joined to more digits by a '.', ' ' or '-' (by the same separator,
// for groups): 06-12345678, 12345678.50, 1.123.456.782 and an 8-digit run
// inside a SHA-256 in hex are left alone. Dates (31-07-2016, 2026-09-01)
// and times (14:05) never match.
func MaskBSNsInText(s string) string {
	var b strings.Builder
	last := 0
	for {
		start, end, digits := nextBSN(s, last, maskForms)
		if start < 0 {
			break
		}
		if last == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:start])
		b.WriteString(MaskBSN(digits))
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// bsnForms says which written forms of a BSN a search counts; the grouped
// forms (3-3-3, 4-2-3) always count.
type bsnForms struct {
	loose9  bool // a run of 9 digits counts whatever surrounds it
	padded8 bool // a standalone run of 8 digits counts once a leading zero is added
}

var (
	maskForms   = bsnForms{loose9: true, padded8: true}
	detectForms = bsnForms{}
)

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

func isAlnum(c byte) bool { return isDigit(c) || isUpper(c) || 'a' <= c && c <= 'z' }

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
