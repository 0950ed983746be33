package values

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const expectBSN = "a BSN of 9 digits"

// stripBSN removes the spaces, dots and dashes that exports put in BSNs.
func stripBSN(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// NormalizeBSN removes spaces, dots and dashes from a BSN and restores a
// dropped leading zero (8 digits become 9). The result is exactly 9 digits,
// otherwise an error is returned; its Value is masked with MaskBSN. It does
// not apply the 11-check (see ValidBSN), so that invalid BSNs can still be
// loaded and reported.
func NormalizeBSN(s string) (string, error) {
	d := stripBSN(s)
	if len(d) == 8 && allDigits(d) {
		d = "0" + d
	}
	if len(d) != 9 || !allDigits(d) {
		return "", &ParseError{Value: MaskBSN(s), Expected: expectBSN}
	}
	return d, nil
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

// MaskBSNsInText replaces every run of exactly 9 consecutive digits that
// is not part of a longer run of digits and passes ValidBSN by its MaskBSN
// form. It is a last line of defence for report output.
func MaskBSNsInText(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 9 && ValidBSN(s[i:j]) {
			if last == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			b.WriteString(MaskBSN(s[i:j]))
			last = j
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
