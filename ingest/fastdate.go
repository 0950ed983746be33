package ingest

import "github.com/avgaudit/avgaudit/values"

// The common forms of dates and times in exports (31-12-2025, 2025-12-31,
// 31-12-2025 14:05, 2025-12-31T14:05:00) are read here straight into the
// numbers DuckDB stores, without a time.Time in between; anything else,
// and every value that is not a valid date, goes to package values, which
// accepts more forms and says what is wrong. For every value fastDateTime
// accepts, values.ParseDate and values.ParseTimestamp give the same date and
// time (FuzzFastDateTime).

// fastDateTime reads d-m-yyyy (with -, / or .) or yyyy-m-d, optionally
// followed by a space or T and H:MM or H:MM:SS. It returns the days since
// 1970-01-01 and the microseconds since 1970-01-01 00:00 UTC; ok is false
// for any other form and for values that are not valid (values.ParseDate
// explains them).
func fastDateTime(s string) (days, micros int64, ok bool) {
	var year, month, day, hour, minute, sec int
	i := 0
	first, n := dateDigits(s, &i)
	switch n {
	case 4: // yyyy-m-d
		year = first
		if !dateSep(s, &i, '-') {
			return 0, 0, false
		}
		if month, n = dateDigits(s, &i); n < 1 || n > 2 || !dateSep(s, &i, '-') {
			return 0, 0, false
		}
		if day, n = dateDigits(s, &i); n < 1 || n > 2 {
			return 0, 0, false
		}
	case 1, 2: // d-m-yyyy
		day = first
		if i >= len(s) || (s[i] != '-' && s[i] != '/' && s[i] != '.') {
			return 0, 0, false
		}
		c := s[i]
		i++
		if month, n = dateDigits(s, &i); n < 1 || n > 2 || !dateSep(s, &i, c) {
			return 0, 0, false
		}
		if year, n = dateDigits(s, &i); n != 4 {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if i < len(s) {
		switch s[i] {
		case 'T', 't':
			i++
		case ' ':
			for i < len(s) && s[i] == ' ' {
				i++
			}
		default:
			return 0, 0, false
		}
		if hour, n = dateDigits(s, &i); n < 1 || n > 2 || !dateSep(s, &i, ':') {
			return 0, 0, false
		}
		if minute, n = dateDigits(s, &i); n != 2 {
			return 0, 0, false
		}
		if i < len(s) {
			if !dateSep(s, &i, ':') {
				return 0, 0, false
			}
			if sec, n = dateDigits(s, &i); n != 2 || i < len(s) {
				return 0, 0, false
			}
		}
	}
	if year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > values.DaysIn(year, month) ||
		hour > 23 || minute > 59 || sec > 59 {
		return 0, 0, false
	}
	days = daysFromCivil(year, month, day)
	return days, ((days*24+int64(hour))*60+int64(minute))*60_000_000 + int64(sec)*1_000_000, true
}

// dateDigits reads a run of at most 4 ASCII digits at s[*i:]; a longer run
// counts as 5, which no form accepts.
func dateDigits(s string, i *int) (val, n int) {
	for *i < len(s) && s[*i] >= '0' && s[*i] <= '9' {
		if n == 4 {
			return 0, 5
		}
		val = val*10 + int(s[*i]-'0')
		n++
		*i++
	}
	return val, n
}

// dateSep consumes byte c at s[*i:].
func dateSep(s string, i *int, c byte) bool {
	if *i < len(s) && s[*i] == c {
		*i++
		return true
	}
	return false
}

// daysFromCivil is the number of days from 1970-01-01 to the given date in
// the proleptic Gregorian calendar, for years from 1 on (H. Hinnant's
// days_from_civil).
func daysFromCivil(year, month, day int) int64 {
	if month <= 2 {
		year--
	}
	era := year / 400
	yoe := year - era*400
	m := month + 9
	if month > 2 {
		m = month - 3
	}
	doy := (153*m+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097 + doe - 719468)
}
