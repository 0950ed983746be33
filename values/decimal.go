package values

import (
	"math"
	"strings"
	"unicode"
)

var (
	expectAmount = expectation{
		en: "an amount such as 1234,56 or € 1.234,56",
		nl: "is geen bedrag; schrijf bijvoorbeeld 1234,56 of € 1.234,56",
	}
	expectDecimals = expectation{
		en: "an amount with at most 2 decimals, such as 1234,56",
		nl: "heeft meer dan 2 cijfers achter de komma; schrijf het bedrag in euro en cent, zoals 1234,56",
	}
	expectAmountSz = expectation{
		en: "an amount of at most 92233720368547758,07",
		nl: "is een te groot bedrag; het hoogste bedrag is 92233720368547758,07",
	}
)

// ParseDecimal reads a money amount and returns it in cents. It accepts an
// optional sign and an optional € or EUR (before or after the number),
// with spaces around them, e.g. 1234.56, 1234,56, € 1.234,56, €1,234.56,
// -12,5 and 1.234.
//
// Separators are read as follows. If both . and , occur, the last one is
// the decimal separator and the other separates thousands. If only one
// kind occurs, once, and is followed by 1 or 2 digits, it is the decimal
// separator; followed by exactly 3 digits, or occurring more than once, it
// separates thousands (so 1.234 and 1,234 both mean 1234,00). Thousands
// groups must have 3 digits. More than 2 decimals, and amounts that do not
// fit in an int64 number of cents, are errors.
func ParseDecimal(s string) (cents int64, err error) {
	fail := func(x expectation) (int64, error) {
		return 0, x.errorFor(s)
	}

	body := s
	neg, signSeen, curSeen := false, false, false
	for {
		body = strings.TrimLeftFunc(body, unicode.IsSpace)
		if !signSeen {
			if rest, ok := cutSign(body); ok {
				neg = strings.HasPrefix(body, "-") || strings.HasPrefix(body, "−")
				body, signSeen = rest, true
				continue
			}
		}
		if !curSeen {
			if rest, ok := cutCurrencyPrefix(body); ok {
				body, curSeen = rest, true
				continue
			}
		}
		break
	}
	body = strings.TrimRightFunc(body, unicode.IsSpace)
	if !curSeen {
		if rest, ok := cutCurrencySuffix(body); ok {
			body = strings.TrimRightFunc(rest, unicode.IsSpace)
		}
	}

	if body == "" || !isDigit(body[0]) || !isDigit(body[len(body)-1]) {
		return fail(expectAmount)
	}
	for i := 0; i < len(body); i++ {
		if c := body[i]; !isDigit(c) && c != '.' && c != ',' {
			return fail(expectAmount)
		}
	}

	var dec byte // decimal separator, 0 if none
	nDot, nComma := strings.Count(body, "."), strings.Count(body, ",")
	switch {
	case nDot > 0 && nComma > 0:
		dec = body[strings.LastIndexAny(body, ".,")]
	case nDot+nComma == 1:
		sep := byte('.')
		if nComma == 1 {
			sep = ','
		}
		switch len(body) - strings.IndexByte(body, sep) - 1 {
		case 1, 2:
			dec = sep
		case 3:
			// thousands separator
		default:
			return fail(expectDecimals)
		}
	}

	whole, frac := body, ""
	if dec != 0 {
		i := strings.LastIndexByte(body, dec)
		whole, frac = body[:i], body[i+1:]
		if strings.IndexByte(whole, dec) >= 0 {
			return fail(expectAmount)
		}
		if len(frac) > 2 {
			return fail(expectDecimals)
		}
	}
	if i := strings.IndexAny(whole, ".,"); i >= 0 {
		groups := strings.Split(whole, string(whole[i]))
		if groups[0] == "0" {
			return fail(expectDecimals) // e.g. 0,125
		}
		if len(groups[0]) > 3 || groups[0][0] == '0' {
			return fail(expectAmount)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return fail(expectAmount)
			}
		}
	}

	var v int64
	add := func(d byte) bool {
		x := int64(d - '0')
		if v > (math.MaxInt64-x)/10 {
			return false
		}
		v = v*10 + x
		return true
	}
	for i := 0; i < len(whole); i++ {
		if isDigit(whole[i]) && !add(whole[i]) {
			return fail(expectAmountSz)
		}
	}
	frac += "00"[len(frac):]
	if !add(frac[0]) || !add(frac[1]) {
		return fail(expectAmountSz)
	}
	if neg {
		v = -v
	}
	return v, nil
}

func cutSign(s string) (string, bool) {
	for _, p := range []string{"-", "+", "−"} { // "−" is U+2212 MINUS SIGN
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

func cutCurrencyPrefix(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "€"); ok {
		return rest, true
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "EUR") {
		return s[3:], true
	}
	return s, false
}

func cutCurrencySuffix(s string) (string, bool) {
	if rest, ok := strings.CutSuffix(s, "€"); ok {
		return rest, true
	}
	if len(s) >= 3 && strings.EqualFold(s[len(s)-3:], "EUR") {
		return s[:len(s)-3], true
	}
	return s, false
}
