package main

import (
	"fmt"
	"strings"
	"time"
)

// asOf is "today" for the sample organisation: every date in the exports
// lies on or before it and every expected finding is computed against it.
var asOf = day(2026, 9, 1)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
}

func firstOfMonth(t time.Time) time.Time { return day(t.Year(), t.Month(), 1) }

// firstOnOrAfter is the first day of the month on or after t.
func firstOnOrAfter(t time.Time) time.Time {
	if t.Day() == 1 {
		return day(t.Year(), t.Month(), 1)
	}
	return firstOfMonth(t).AddDate(0, 1, 0)
}

func endOfMonth(t time.Time) time.Time { return firstOfMonth(t).AddDate(0, 1, -1) }

// monthEndAfter adds n calendar months to the month of t and returns the last
// day of that month (so 31 August plus one month is 30 September, not 1 October).
func monthEndAfter(t time.Time, n int) time.Time { return endOfMonth(firstOfMonth(t).AddDate(0, n, 0)) }

// nlDate formats a date the way Dutch exports do: 31-12-2025; zero is empty.
func nlDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02-01-2006")
}

// nlStamp formats a timestamp as 31-12-2025 14:05; zero is empty.
func nlStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02-01-2006 15:04")
}

// isoDate formats a date as 2025-12-31; zero is empty.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

var monthNames = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

func nlMonth(t time.Time) string { return fmt.Sprintf("%s %d", monthNames[t.Month()-1], t.Year()) }

// euro formats cents as a Dutch amount: 1.234,56.
func euro(cents int64) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	whole := fmt.Sprintf("%d", cents/100)
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	s := fmt.Sprintf("%s,%02d", b.String(), cents%100)
	if neg {
		s = "-" + s
	}
	return s
}

// nlDecimal formats hundredths with a decimal comma: 95,33.
func nlDecimal(hundredths int64) string {
	return fmt.Sprintf("%d,%02d", hundredths/100, hundredths%100)
}
