// Package values parses single values taken from untrusted CSV and XLSX
// exports: dates, timestamps, Excel serial dates, yes/no flags, money
// amounts, BSNs (Dutch citizen service numbers) and IBANs.
//
// Every function is pure and never panics, whatever the input. A value that
// cannot be parsed is reported as a *ParseError, which holds the value and
// a plain description of what was expected, in English and in Dutch, so
// that the loader can put both in its own message together with the file,
// row and column. Error returns the English; Dutch (see the Dutch function)
// the Dutch.
package values

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseError says which value could not be parsed and which form was
// expected, in English and in Dutch.
type ParseError struct {
	// Value is the input as given. For BSNs it is masked (see MaskBSN) so
	// that error messages never reveal a citizen service number.
	Value string
	// Expected describes the accepted form in plain English, for example
	// "a date such as 31-12-2025 or 2025-12-31".
	Expected string
	// NL says what is wrong in plain Dutch, as the words that follow the
	// quoted value, for example "is geen datum; schrijf de datum als
	// 31-12-2025 of 2025-12-31".
	NL string
}

// maxShownRunes limits how much of a value a message repeats back.
const maxShownRunes = 64

// Error returns a message such as
// `"13-31-2025" is not a date with a month from 1 to 12, ...`.
// Very long values are shortened.
func (e *ParseError) Error() string { return quoteShort(e.Value) + " is not " + e.Expected }

// Dutch returns the message in Dutch, such as
// `"31-02-2025" is geen bestaande datum: februari 2025 heeft 28 dagen`.
// Very long values are shortened.
func (e *ParseError) Dutch() string { return quoteShort(e.Value) + " " + e.NL }

// quoteShort quotes v, cut after maxShownRunes runes.
func quoteShort(v string) string {
	if utf8.RuneCountInString(v) <= maxShownRunes {
		return strconv.Quote(v)
	}
	n := 0
	for i := range v {
		if n == maxShownRunes {
			v = v[:i]
			break
		}
		n++
	}
	return strconv.Quote(v) + "…"
}

// Error is a message in Dutch and English for problems that are not about
// the form of one value. Error() returns the English.
type Error struct {
	NL, EN string
}

func (e *Error) Error() string { return e.EN }

// Dutch returns the Dutch message.
func (e *Error) Dutch() string { return e.NL }

// Dutch returns err's message in Dutch: that of the first error in err's
// chain that has one (a *ParseError, an *Error or any error with a Dutch
// method), or else err.Error(). Wrapping text added with fmt.Errorf around
// that error is not translated, so pass the error itself.
func Dutch(err error) string {
	var d interface{ Dutch() string }
	if errors.As(err, &d) {
		return d.Dutch()
	}
	return err.Error()
}

// expectation is what a value should have looked like: en completes
// `"value" is not ...`, nl the Dutch `"value" ...`.
type expectation struct{ en, nl string }

// errorFor returns the ParseError for value.
func (x expectation) errorFor(value string) *ParseError {
	return &ParseError{Value: value, Expected: x.en, NL: x.nl}
}

var expectBool = expectation{
	en: "ja or nee (also yes/no, true/false, 1/0, x)",
	nl: "is geen ja of nee; vul ja of nee in (ook goed: yes/no, true/false, 1/0, x)",
}

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
	return false, expectBool.errorFor(s)
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
