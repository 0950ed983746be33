// Package values parses single values taken from untrusted CSV and XLSX
// exports: dates, timestamps, Excel serial dates, yes/no flags, money
// amounts, BSNs (Dutch citizen service numbers) and IBANs.
//
// Every function is pure and never panics, whatever the input. A value that
// cannot be parsed is reported as a *ParseError, which holds the value and a
// plain-English description of what was expected, so that the loader can
// put both in its own message together with the file, row and column.
package values

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseError says which value could not be parsed and which form was expected.
type ParseError struct {
	// Value is the input as given. For BSNs it is masked (see MaskBSN) so
	// that error messages never reveal a citizen service number.
	Value string
	// Expected describes the accepted form in plain English, for example
	// "a date such as 31-12-2025 or 2025-12-31".
	Expected string
}

// maxShownRunes limits how much of a value Error repeats back.
const maxShownRunes = 64

// Error returns a message such as
// `"13-31-2025" is not a date with a month from 1 to 12, ...`.
// Very long values are shortened.
func (e *ParseError) Error() string {
	v := e.Value
	cut := false
	if utf8.RuneCountInString(v) > maxShownRunes {
		n := 0
		for i := range v {
			if n == maxShownRunes {
				v = v[:i]
				break
			}
			n++
		}
		cut = true
	}
	q := strconv.Quote(v)
	if cut {
		q += "…"
	}
	return q + " is not " + e.Expected
}

const expectBool = "ja or nee (also yes/no, true/false, 1/0, x)"

// ParseBool reads a yes/no value. Case and surrounding spaces are ignored.
// True: ja, j, yes, y, true, waar, 1, x. False: nee, n, no, false, onwaar, 0.
// Anything else, including an empty value, is an error.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "j", "yes", "y", "true", "waar", "1", "x":
		return true, nil
	case "nee", "n", "no", "false", "onwaar", "0":
		return false, nil
	}
	return false, &ParseError{Value: s, Expected: expectBool}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
