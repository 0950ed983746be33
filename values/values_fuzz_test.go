package values

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

var dateSeeds = []string{
	"31-12-2025", "31/12/2025", "31.12.2025", "1-2-2025", "2025-12-31", "2025-1-2",
	"  31-12-2025\t", "29-02-2024", "29-02-2025", "31-02-2025", "13-31-2025", "31-12-25",
	"31-12-1899", "2101-01-01", "31-12-9999", "9999-12-31T23:59:59.999Z", "31-12-0999", "31-12-2025 14:05", "2025-12-31 14:05:33",
	"2025-12-31T14:05:00", "2025-12-31T14:05:00Z", "2025-12-31T14:05:00.123456789Z",
	"31-12-2025 00:00", "31-12-2025 23:59:59", "31-12-2025 24:00", "31-12-2025 14:05:00,5",
	"2025-12-31T14:05:00+01:00", "", "morgen", "３１-12-2025",
}

// mustParseError fails unless err is a *ParseError with the given Value
// and a message in English and a different one in Dutch.
func mustParseError(t *testing.T, err error, value string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got error %v (%T), want *ParseError", err, err)
	}
	if pe.Value != value || pe.Expected == "" || pe.NL == "" {
		t.Fatalf("got ParseError %+v, want Value %q and an Expected and NL text", *pe, value)
	}
	if en, nl := pe.Error(), Dutch(pe); en == nl || !strings.HasPrefix(nl, quoteShort(value)+" ") {
		t.Fatalf("got English %q and Dutch %q, want different messages that start with the value", en, nl)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		ts, tsErr := ParseTimestamp(s)
		if (err == nil) != (tsErr == nil) {
			t.Fatalf("ParseDate(%q) error %v but ParseTimestamp error %v", s, err, tsErr)
		}
		if err != nil {
			mustParseError(t, err, s)
			return
		}
		if got.Location() != time.UTC || !got.Equal(ts.Truncate(24*time.Hour)) {
			t.Fatalf("ParseDate(%q): got %v, want midnight UTC of %v", s, got, ts)
		}
		if y := got.Year(); y < minYear || y > maxYear {
			t.Fatalf("ParseDate(%q): got year %d, want %d..%d", s, y, minYear, maxYear)
		}
		text := got.Format("02-01-2006")
		again, err := ParseDate(text)
		if err != nil || !again.Equal(got) {
			t.Fatalf("ParseDate(%q) round trip via %q: got %v, %v, want %v", s, text, again, err, got)
		}
		for _, d := range []string{text, got.Format("2006-01-02"), got.Format("02.01.2006"), ts.Format("02-01-2006 15:04")} {
			if m := MaskBSNsInText(d); m != d {
				t.Fatalf("MaskBSNsInText(%q) changed a date: %q", d, m)
			}
		}
	})
}

func FuzzParseTimestamp(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTimestamp(s)
		if err != nil {
			mustParseError(t, err, s)
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("ParseTimestamp(%q): got %v, want UTC", s, got)
		}
		text := got.Format("2006-01-02T15:04:05.999999999Z")
		again, err := ParseTimestamp(text)
		if err != nil || !again.Equal(got) {
			t.Fatalf("ParseTimestamp(%q) round trip via %q: got %v, %v, want %v", s, text, again, err, got)
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"ja", "J", "Yes", "y", "TRUE", "waar", "1", "x", " ja ",
		"nee", "N", "no", "False", "onwaar", "0", "", "misschien", "✓", "2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseBool(s)
		if err != nil {
			mustParseError(t, err, s)
			if got {
				t.Fatalf("ParseBool(%q): got true with error %v", s, err)
			}
			return
		}
		again, err := ParseBool(" " + s + " ")
		if err != nil || again != got {
			t.Fatalf("ParseBool(%q) with spaces: got %v, %v, want %v, nil", s, again, err, got)
		}
	})
}

// formatCents writes cents as a plain amount ("-1234,56") and as a Dutch
// amount with thousands separators ("€ -1.234,56").
func formatCents(c int64) (plain, dutch string) {
	sign := ""
	u := uint64(c)
	if c < 0 {
		sign, u = "-", uint64(-c)
	}
	whole := strconv.FormatUint(u/100, 10)
	frac := strconv.FormatUint(u%100+100, 10)[1:]
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return sign + whole + "," + frac, "€ " + sign + b.String() + "," + frac
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"1234.56", "1234,56", "€ 1.234,56", "€1,234.56", "-12,5", "1.234",
		"1,234,567.89", "0,125", "1.2345", "12,50 EUR", "-€ 12,50", "− 3,00", "",
		"92233720368547758,07", "92233720368547758,08", "12.34.56", "01.234"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDecimal(s)
		if err != nil {
			mustParseError(t, err, s)
			return
		}
		plain, dutch := formatCents(got)
		for _, text := range []string{plain, dutch} {
			again, err := ParseDecimal(text)
			if err != nil || again != got {
				t.Fatalf("ParseDecimal(%q) = %d; round trip via %q: got %d, %v", s, got, text, again, err)
			}
		}
	})
}

func FuzzNormalizeBSN(f *testing.F) {
	for _, s := range []string{"123456782", "111222333", "123456789", "12345678", " 123 456 782 ",
		"123-456-782", "1234.56.782", "000000000", "", "1234", "12345678a", "BSN 123456782.",
		"12345672", "012.345.672", "1234 56 782", "31-07-2016", "31.07.2016", "2016 07 31", "12.345.678",
		"06-12345672", "123.456.782.*****6782", "123-456-782 12 345", "12345672-123.456.782"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = ValidBSN(s)
		masked := MaskBSN(s)
		if strings.TrimSpace(s) == "" {
			if masked != "" {
				t.Fatalf("MaskBSN(%q): got %q, want empty", s, masked)
			}
		} else if !strings.HasPrefix(masked, "*****") || len([]rune(masked)) > 9 {
			t.Fatalf("MaskBSN(%q): got %q, want ***** and at most 4 characters", s, masked)
		}

		text := MaskBSNsInText(s)
		checkNoValidBSN(t, s, text)
		if ContainsBSN(s) && text == s {
			t.Fatalf("ContainsBSN(%q) is true but MaskBSNsInText masks nothing", s)
		}
		if ContainsBSN(text) {
			t.Fatalf("ContainsBSN(%q) is true after masking (%q)", s, text)
		}
		if again := MaskBSNsInText(text); again != text {
			t.Fatalf("MaskBSNsInText not idempotent on %q: %q then %q", s, text, again)
		}

		got, err := NormalizeBSN(s)
		if err != nil {
			mustParseError(t, err, masked)
			return
		}
		if len(got) != 9 || !allDigits(got) {
			t.Fatalf("NormalizeBSN(%q): got %q, want 9 digits", s, got)
		}
		if m := MaskBSN(got); m != masked || strings.Contains(m, got[:5]) {
			t.Fatalf("MaskBSN(%q) = %q reveals too much or differs from MaskBSN(%q) = %q", got, m, s, masked)
		}
		if m := MaskBSNsInText(got); ValidBSN(got) && strings.Contains(m, got[:5]) {
			t.Fatalf("MaskBSNsInText(%q): got %q, reveals first 5 digits", got, m)
		}
		if !ValidBSN(got) {
			return
		}
		// Every written form of a valid BSN is masked in text.
		forms := []string{got}
		if got[0] == '0' {
			forms = append(forms, got[1:])
		}
		for _, sep := range []string{".", " ", "-", "\u00a0"} {
			forms = append(forms, got[:3]+sep+got[3:6]+sep+got[6:], got[:4]+sep+got[4:6]+sep+got[6:],
				got[:2]+sep+got[2:4]+sep+got[4:6]+sep+got[6:], got[:4]+sep+got[4:7]+sep+got[7:])
		}
		want := "BSN *****" + got[5:] + "."
		for _, f := range forms {
			if m := MaskBSNsInText("BSN " + f + "."); m != want {
				t.Fatalf("MaskBSNsInText(%q): got %q, want %q", "BSN "+f+".", m, want)
			}
		}
	})
}

// checkNoValidBSN fails if text still holds a standalone run of 9 digits
// that passes the 11-check.
func checkNoValidBSN(t *testing.T, in, text string) {
	t.Helper()
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 9 {
			t.Fatalf("MaskBSNsInText(%q): got %q, still contains %q", in, text, text[i:j])
		}
		i = j
	}
}

func FuzzValidIBAN(f *testing.F) {
	for _, s := range []string{"NL91ABNA0417164300", "nl91 abna 0417 1643 00", "NL44RABO0123456789",
		"BE68539007547034", "DE89370400440532013000", "GB29NWBK60161331926819",
		"NL91ABNA0417164301", "NL00ABNA0417164300", "", "NL91-ABNA-0417-1643-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeIBAN(s)
		if NormalizeIBAN(n) != n {
			t.Fatalf("NormalizeIBAN not idempotent on %q: %q", s, n)
		}
		if !ValidIBAN(s) {
			return
		}
		if len(n) < 15 || len(n) > 34 || (n[:2] == "NL" && len(n) != 18) {
			t.Fatalf("ValidIBAN(%q) true for %q of length %d", s, n, len(n))
		}
		for i := 0; i < len(n); i++ {
			if !isDigit(n[i]) && !isUpper(n[i]) {
				t.Fatalf("ValidIBAN(%q) true for %q with character %q", s, n, n[i])
			}
		}
		if !ValidIBAN(n) {
			t.Fatalf("ValidIBAN(%q) true but ValidIBAN(%q) false", s, n)
		}
	})
}

func FuzzExcelSerial(f *testing.F) {
	for _, s := range []string{"1", "59", "60", "61", "45291", "45291.5833333", "45291.99999999",
		"0045291", " 45291 ", "2958465", "2958466", "0", "0.5", "-1", "45291,5", "4.5291E4", "45291.",
		"2957003", "2957004", "43343", "000"} {
		f.Add(s)
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 := time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got1904, ok1904 := ExcelSerial1904(s)
		got, ok := ExcelSerial(s)
		whole, _, _ := strings.Cut(strings.TrimSpace(s), ".")
		n, err := strconv.Atoi("0" + strings.TrimLeft(whole, "0"))
		if (ok || ok1904) && err != nil {
			t.Fatalf("ExcelSerial(%q) = %v or ExcelSerial1904 = %v accepted a non-number", s, ok, ok1904)
		}
		if ok && !ok1904 && n <= maxExcelSerial1904 {
			t.Fatalf("ExcelSerial(%q) accepted but ExcelSerial1904 did not", s)
		}
		if ok1904 {
			if got1904.Location() != time.UTC || got1904.Nanosecond() != 0 || got1904.Before(epoch1904) ||
				got1904.After(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)) {
				t.Fatalf("ExcelSerial1904(%q): got %v, want a whole second in UTC from 1904 to 9999", s, got1904)
			}
			days := int((got1904.Unix() - epoch1904.Unix()) / 86400)
			if days != n && days != n+1 { // n+1: time rounded up to midnight
				t.Fatalf("ExcelSerial1904(%q): got %v, which is day %d, want day %d", s, got1904, days, n)
			}
			if ok && n >= 61 && !got1904.Equal(got.AddDate(0, 0, 1462)) {
				t.Fatalf("ExcelSerial1904(%q) = %v, want ExcelSerial + 1462 days = %v", s, got1904, got.AddDate(0, 0, 1462))
			}
		}
		if !ok {
			return
		}
		if got.Location() != time.UTC || got.Nanosecond() != 0 ||
			got.Before(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)) ||
			got.After(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("ExcelSerial(%q): got %v, want a whole second in UTC from 1900 to 9999", s, got)
		}
		days := int((got.Unix() - epoch.Unix()) / 86400) // not Sub: Duration overflows after 292 years
		if n < 60 {
			days-- // before Excel's fake 29 February 1900
		}
		if days != n && days != n+1 { // n+1: time rounded up to midnight
			t.Fatalf("ExcelSerial(%q): got %v, which is day %d, want day %d", s, got, days, n)
		}
	})
}

func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{"Anna@Example.NL", " mailto:x@y.nl ", "<a@b.nl>", "geen", "a@b@c", "", "<>", "mailto:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeEmail(s)
		if again := NormalizeEmail(got); again != got {
			t.Fatalf("NormalizeEmail not idempotent: %q -> %q -> %q", s, got, again)
		}
		if got != strings.TrimSpace(got) {
			t.Fatalf("NormalizeEmail(%q) = %q has surrounding space", s, got)
		}
		if strings.Contains(got, "@") && got != strings.TrimSpace(s) && got != strings.ToLower(got) {
			t.Fatalf("NormalizeEmail(%q) = %q is not lower-case", s, got)
		}
	})
}
