package main

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
)

// bsnValid reports whether s is nine digits, not all zero, that pass the
// BSN variant of the 11-check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 ≡ 0 (mod 11).
func bsnValid(s string) bool {
	if len(s) != 9 || strings.Trim(s, "0") == "" {
		return false
	}
	sum := 0
	for i, c := range s {
		if c < '0' || c > '9' {
			return false
		}
		w := 9 - i
		if i == 8 {
			w = -1
		}
		sum += w * int(c-'0')
	}
	return sum%11 == 0
}

// newBSN draws a BSN that passes the 11-check. Every synthetic BSN starts
// with 9999 so a reader recognises it as made up at a glance.
func newBSN(r *rand.Rand) string {
	for {
		d := []int{9, 9, 9, 9, r.IntN(10), r.IntN(10), r.IntN(10), r.IntN(10)}
		sum := 0
		for i, v := range d {
			sum += (9 - i) * v
		}
		last := sum % 11 // 9*d1+...+2*d8 - d9 ≡ 0  <=>  d9 ≡ sum (mod 11)
		if last == 10 {
			continue
		}
		var b strings.Builder
		for _, v := range d {
			b.WriteByte(byte('0' + v))
		}
		b.WriteByte(byte('0' + last))
		return b.String()
	}
}

// ibanNumeric turns an IBAN's rearranged form into the digit string whose
// value mod 97 is checked (ISO 13616: letters A=10 ... Z=35).
func ibanNumeric(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			fmt.Fprintf(&b, "%d", int(c-'A')+10)
		}
	}
	return b.String()
}

func mod97(digits string) int {
	n, _ := new(big.Int).SetString(digits, 10)
	return int(new(big.Int).Mod(n, big.NewInt(97)).Int64())
}

// ibanValid reports whether s (without spaces) has valid mod-97 check digits.
func ibanValid(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 5 {
		return false
	}
	return mod97(ibanNumeric(s[4:]+s[:4])) == 1
}

var banks = []string{"ABNA", "INGB", "RABO", "INGB", "RABO", "SNSB", "ASNB", "TRIO"}

// newIBAN draws a Dutch IBAN with valid check digits: NLkk BANK 0123456789.
func newIBAN(r *rand.Rand) string {
	bank := banks[r.IntN(len(banks))]
	acct := fmt.Sprintf("%010d", r.Int64N(10_000_000_000))
	check := 98 - mod97(ibanNumeric(bank+acct+"NL00"))
	return fmt.Sprintf("NL%02d%s%s", check, bank, acct)
}
