package values

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Accepted years for ParseDate and ParseTimestamp, the same as for
// ExcelSerial. 31-12-9999 is a common "no end date" in registers.
const (
	minYear = 1900
	maxYear = 9999
)

var (
	expectDate = expectation{
		en: "a date such as 31-12-2025 or 2025-12-31",
		nl: "is geen datum; schrijf de datum als 31-12-2025 of 2025-12-31",
	}
	expectTimestamp = expectation{
		en: "a date and time such as 31-12-2025 14:05 or 2025-12-31T14:05:00",
		nl: "is geen datum met tijd; schrijf bijvoorbeeld 31-12-2025 14:05 of 2025-12-31T14:05:00",
	}
	expectYear4 = expectation{
		en: "a date with a four-digit year, such as 31-12-2025",
		nl: "heeft geen jaartal van vier cijfers; schrijf het jaar voluit, zoals in 31-12-2025",
	}
	expectMonth = expectation{
		en: "a date with a month from 1 to 12, such as 31-12-2025 (day first) or 2025-12-31",
		nl: "heeft geen maand van 1 tot en met 12; zet de dag vóór de maand (31-12-2025) of schrijf het jaar eerst (2025-12-31)",
	}
	expectTime = expectation{
		en: "a date with a valid time of day (00:00 to 23:59:59), such as 31-12-2025 14:05",
		nl: "heeft geen geldige tijd (00:00 tot en met 23:59:59); schrijf bijvoorbeeld 31-12-2025 14:05",
	}
	expectYearRange = expectation{
		en: fmt.Sprintf("a date with a year from %d to %d", minYear, maxYear),
		nl: fmt.Sprintf("heeft een jaartal buiten %d tot en met %d; controleer het jaar", minYear, maxYear),
	}
)

// dutchMonths names the months in Dutch, January first.
var dutchMonths = [12]string{"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december"}

// expectDay is the expectation for a day the month does not have.
func expectDay(year, month, days int) *expectation {
	return &expectation{
		en: fmt.Sprintf("an existing calendar date (%s %d has %d days)", time.Month(month), year, days),
		nl: fmt.Sprintf("is geen bestaande datum: %s %d heeft %d dagen", dutchMonths[month-1], year, days),
	}
}

// ParseDate reads a calendar date. Accepted forms, after trimming spaces:
// day-month-year (31-12-2025, 1-2-2025, also with / or . instead of -),
// a day, a written month in Dutch or English and a year (1 maart 2024,
// 12 aug. 2025, 3 March 2024), year-month-day (2025-12-31) and, on its
// own, yyyymmdd (20251231). A time may follow (31-12-2025 14:05,
// 2025-12-31T14:05:00Z, 2025-12-31T14:05:00+01:00); it must be a valid
// time but is dropped. Two-digit
// years, dates that do not exist (31-02-2025) and years before 1900 are
// errors (years up to 9999 are accepted). The result is midnight UTC.
func ParseDate(s string) (time.Time, error) {
	dt, exp := parseDateTime(s, &expectDate)
	if exp != nil {
		return time.Time{}, exp.errorFor(s)
	}
	return time.Date(dt.year, time.Month(dt.month), dt.day, 0, 0, 0, 0, time.UTC), nil
}

// ParseTimestamp reads a date in any form ParseDate accepts, optionally
// followed by a time HH:MM or HH:MM:SS (after a space or T, with optional
// fractional seconds and an optional trailing Z or offset such as +01:00,
// which is read but not applied: the time is kept as written). A date
// alone means midnight. The result is in UTC.
func ParseTimestamp(s string) (time.Time, error) {
	dt, exp := parseDateTime(s, &expectTimestamp)
	if exp != nil {
		return time.Time{}, exp.errorFor(s)
	}
	return time.Date(dt.year, time.Month(dt.month), dt.day,
		dt.hour, dt.min, dt.sec, dt.nsec, time.UTC), nil
}

type dateTime struct {
	year, month, day     int
	hour, min, sec, nsec int
}

// scanner walks over an ASCII string; all reads are bounds-checked.
type scanner struct {
	s string
	i int
}

func (p *scanner) done() bool { return p.i >= len(p.s) }

func (p *scanner) peek() byte {
	if p.done() {
		return 0
	}
	return p.s[p.i]
}

func (p *scanner) consume(c byte) bool {
	if p.peek() == c && c != 0 {
		p.i++
		return true
	}
	return false
}

// number reads a run of ASCII digits and returns its value and length.
// The value is only meaningful for runs of at most 9 digits.
func (p *scanner) number() (val, n int) {
	for !p.done() && isDigit(p.s[p.i]) {
		if n < 9 {
			val = val*10 + int(p.s[p.i]-'0')
		}
		n++
		p.i++
	}
	return val, n
}

// parseDateTime parses s; on failure it returns what was expected, generic
// for values that do not have a recognised form, and nil on success.
func parseDateTime(s string, generic *expectation) (dateTime, *expectation) {
	var dt dateTime
	p := scanner{s: strings.TrimSpace(s)}
	var n, yearDigits int

	first, nFirst := p.number()
	switch nFirst {
	case 4: // yyyy-mm-dd
		dt.year, yearDigits = first, 4
		if !p.consume('-') {
			return dt, generic
		}
		if dt.month, n = p.number(); n < 1 || n > 2 {
			return dt, generic
		}
		if !p.consume('-') {
			return dt, generic
		}
		if dt.day, n = p.number(); n < 1 || n > 2 {
			return dt, generic
		}
	case 1, 2: // d-m-yyyy with -, / or ., or d month yyyy (1 maart 2024)
		dt.day = first
		sep := p.peek()
		if sep == ' ' {
			if dt.month = p.monthName(); dt.month == 0 {
				return dt, generic
			}
			if dt.year, yearDigits = p.number(); yearDigits != 2 && yearDigits != 4 {
				return dt, generic
			}
			break
		}
		if sep != '-' && sep != '/' && sep != '.' {
			return dt, generic
		}
		p.i++
		if dt.month, n = p.number(); n < 1 || n > 2 {
			return dt, generic
		}
		if !p.consume(sep) {
			return dt, generic
		}
		if dt.year, yearDigits = p.number(); yearDigits != 2 && yearDigits != 4 {
			return dt, generic
		}
	case 8: // yyyymmdd, on its own (HR and payroll exports)
		if !p.done() {
			return dt, generic
		}
		dt.year, dt.month, dt.day, yearDigits = first/10000, first/100%100, first%100, 4
	default:
		return dt, generic
	}

	if !p.done() {
		switch p.peek() {
		case 'T', 't':
			p.i++
		case ' ':
			for p.peek() == ' ' {
				p.i++
			}
		default:
			return dt, generic
		}
		if dt.hour, n = p.number(); n < 1 || n > 2 {
			return dt, generic
		}
		if !p.consume(':') {
			return dt, generic
		}
		if dt.min, n = p.number(); n != 2 {
			return dt, generic
		}
		if p.consume(':') {
			if dt.sec, n = p.number(); n != 2 {
				return dt, generic
			}
			if p.consume('.') || p.consume(',') {
				start := p.i
				if _, n = p.number(); n < 1 {
					return dt, generic
				}
				dt.nsec = fraction(p.s[start:p.i])
			}
		}
		if !p.consume('Z') && !p.consume('z') && (p.peek() == '+' || p.peek() == '-') {
			// An offset from UTC (+01:00, +0100, -05): the time is kept as
			// written, the organisation's own clock, as without one.
			p.i++
			if _, n = p.number(); n != 2 && n != 4 {
				return dt, generic
			}
			if n == 2 && p.consume(':') {
				if _, n = p.number(); n != 2 {
					return dt, generic
				}
			}
		}
		if !p.done() {
			return dt, generic
		}
	}

	switch {
	case yearDigits != 4:
		return dt, &expectYear4
	case dt.year < minYear || dt.year > maxYear:
		return dt, &expectYearRange
	case dt.month < 1 || dt.month > 12:
		return dt, &expectMonth
	}
	if dim := DaysIn(dt.year, dt.month); dt.day < 1 || dt.day > dim {
		return dt, expectDay(dt.year, dt.month, dim)
	}
	if dt.hour > 23 || dt.min > 59 || dt.sec > 59 {
		return dt, &expectTime
	}
	return dt, nil
}

// monthNames are the written months, Dutch and English, in full and
// abbreviated, by their number.
var monthNames = map[string]int{
	"januari": 1, "january": 1, "jan": 1,
	"februari": 2, "february": 2, "feb": 2,
	"maart": 3, "march": 3, "mrt": 3, "mar": 3, "maa": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"augustus": 8, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// monthName reads " maart " (spaces, a written month, an optional '.',
// spaces) and returns its number, or 0 when there is none.
func (p *scanner) monthName() int {
	for p.peek() == ' ' {
		p.i++
	}
	start := p.i
	for c := p.peek(); (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); c = p.peek() {
		p.i++
	}
	month := monthNames[strings.ToLower(p.s[start:p.i])]
	p.consume('.')
	if p.peek() != ' ' {
		return 0
	}
	for p.peek() == ' ' {
		p.i++
	}
	return month
}

// fraction converts the digits after a decimal point to nanoseconds,
// ignoring digits beyond the ninth.
func fraction(digits string) int {
	ns := 0
	for i := 0; i < 9; i++ {
		ns *= 10
		if i < len(digits) {
			ns += int(digits[i] - '0')
		}
	}
	return ns
}

// DaysIn is the number of days in month (1-12) of year, by arithmetic:
// parsing calls it for every date, and time.Date is several times slower.
func DaysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Limits of Excel serial day numbers. In the 1900 date system 1 is
// 1900-01-01 and 2958465 is 9999-12-31; in the 1904 date system 0 is
// 1904-01-01 and 2957003 is 9999-12-31.
const (
	minExcelSerial     = 1
	maxExcelSerial     = 2958465
	maxExcelSerial1904 = 2957003
)

// ExcelSerial reports whether s is an Excel serial day number (1900 date
// system) such as 45291 or 45291.5833333, between 1 and 2958465, and if so
// returns it as a UTC time; the fraction is the time of day, rounded to the
// second. Serial 60 is Excel's non-existent 29 February 1900 and is rejected.
func ExcelSerial(s string) (time.Time, bool) {
	days, frac, ok := excelSerial(s)
	if !ok || days < minExcelSerial || days > maxExcelSerial || days == 60 {
		return time.Time{}, false
	}
	// Excel counts 1900 as a leap year, so from serial 61 on its day
	// numbers are one higher than a count from 1899-12-31 would be.
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if days < 60 {
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return addSerial(base, days, frac)
}

// ExcelSerial1904 is ExcelSerial for workbooks saved with the 1904 date
// system (older Mac workbooks): serial 0 is 1904-01-01, 1462 days after
// the 1900 system's 1904-01-01, and there is no fake leap day. It accepts
// serials from 0 to 2957003 (9999-12-31), with an optional fraction.
func ExcelSerial1904(s string) (time.Time, bool) {
	days, frac, ok := excelSerial(s)
	if !ok || days < 0 || days > maxExcelSerial1904 {
		return time.Time{}, false
	}
	return addSerial(time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC), days, frac)
}

// excelSerial splits s, trimmed, into its whole days and the digits of its
// fraction; it fails unless s is digits with an optional fraction, or if
// the days do not fit in 7 digits.
func excelSerial(s string) (days int, frac string, ok bool) {
	s = strings.TrimSpace(s)
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || !allDigits(whole) || (hasDot && (frac == "" || !allDigits(frac))) {
		return 0, "", false
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 7 {
		return 0, "", false
	}
	if whole == "" {
		return 0, frac, true
	}
	days, err := strconv.Atoi(whole)
	return days, frac, err == nil
}

// addSerial returns base plus days and the time of day in frac, the digits
// after the decimal point, rounded to the second.
func addSerial(base time.Time, days int, frac string) (time.Time, bool) {
	t := base.AddDate(0, 0, days)
	if frac != "" {
		if len(frac) > 15 {
			frac = frac[:15] // beyond float64 precision anyway
		}
		f, err := strconv.ParseFloat("0."+frac, 64)
		if err != nil {
			return time.Time{}, false
		}
		t = t.Add(time.Duration(math.Round(f*86400)) * time.Second)
	}
	return t, true
}
