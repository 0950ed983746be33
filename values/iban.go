package values

import (
	"strings"
	"unicode"
)

// NormalizeIBAN removes all spaces from s and converts it to upper case.
func NormalizeIBAN(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// ValidIBAN reports whether s, after NormalizeIBAN, is a valid IBAN: a
// two-letter country code, two check digits (02..98), letters and digits
// only, 15 to 34 characters long, passing the ISO 13616 mod-97 check.
// Dutch (NL) IBANs must have 18 characters: a 4-letter bank code and 10
// digits.
func ValidIBAN(s string) bool {
	n := NormalizeIBAN(s)
	if len(n) < 15 || len(n) > 34 {
		return false
	}
	if !isUpper(n[0]) || !isUpper(n[1]) || !isDigit(n[2]) || !isDigit(n[3]) {
		return false
	}
	if cd := n[2:4]; cd == "00" || cd == "01" || cd == "99" {
		return false
	}
	if n[:2] == "NL" {
		if len(n) != 18 || !allUpper(n[4:8]) || !allDigits(n[8:]) {
			return false
		}
	}
	// Move the first 4 characters to the end, read letters as 10..35 and
	// compute the remainder modulo 97 digit by digit.
	rem := 0
	for i := 0; i < len(n); i++ {
		c := n[(i+4)%len(n)]
		switch {
		case isDigit(c):
			rem = (rem*10 + int(c-'0')) % 97
		case isUpper(c):
			rem = (rem*100 + int(c-'A') + 10) % 97
		default:
			return false
		}
	}
	return rem == 1
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isUpper(s[i]) {
			return false
		}
	}
	return true
}
