package profiles

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// Exports often say above their header which day their data is from:
// "Peildatum: 01-09-2026", "Kinderen per 01-09-2026", or "Peildatum" with
// the date in the next cell. That day is the natural reference date of the
// audit (retention and deadlines are measured from it), so init proposes it
// as the manifest's as_of.

// asOfLabels are the words after which an export gives its reference date.
var asOfLabels = map[string]bool{"peildatum": true, "per": true, "exportdatum": true, "standper": true, "asof": true}

// exportDate finds the reference date in the rows above an export's header.
func exportDate(above [][]string) (time.Time, bool) {
	for _, row := range above {
		var cells []string
		for _, c := range row {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		for i, c := range cells {
			if t, ok := dateAfterLabel(c, cells[i+1:]); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// dateAfterLabel reads the date following a reference-date label in cell,
// or, when the label ends the cell, in the next cell.
func dateAfterLabel(cell string, next []string) (time.Time, bool) {
	words := strings.FieldsFunc(cell, func(r rune) bool { return r == ' ' || r == ':' || r == '\t' })
	for i, w := range words {
		label := asOfLabels[Key(w)] || i+1 < len(words) && asOfLabels[Key(w+words[i+1])]
		if !label {
			continue
		}
		for _, rest := range words[i+1:] {
			if t, err := values.ParseDate(rest); err == nil {
				return t, true
			}
		}
		if len(next) > 0 {
			return parseExportDate(next[0])
		}
	}
	return time.Time{}, false
}

// parseExportDate reads a cell holding a date written out or a workbook's
// serial date. A serial number is only taken for a day from 2000 on: a
// smaller number next to a label is a count ("Aantal kinderen per locatie:
// 12"), not a reference date in 1900.
func parseExportDate(s string) (time.Time, bool) {
	if t, err := values.ParseDate(s); err == nil {
		return t, true
	}
	t, ok := values.ExcelSerial(s)
	return t, ok && t.Year() >= 2000
}

// asOfVote is one export's reference date.
type asOfVote struct {
	date  time.Time
	label string
}

// chooseAsOf picks the reference date most exports give (the latest of a
// tie).
func (p *Proposal) chooseAsOf(votes []asOfVote) {
	if len(votes) == 0 {
		return
	}
	byDate := map[time.Time][]string{}
	for _, v := range votes {
		byDate[v.date] = append(byDate[v.date], v.label)
	}
	dates := make([]time.Time, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	sort.Slice(dates, func(i, j int) bool {
		if len(byDate[dates[i]]) != len(byDate[dates[j]]) {
			return len(byDate[dates[i]]) > len(byDate[dates[j]])
		}
		return dates[i].After(dates[j])
	})
	p.AsOf = dates[0].Format("2006-01-02")
	p.AsOfFrom = byDate[dates[0]]
	for _, d := range dates[1:] {
		p.OtherDates = append(p.OtherDates, fmt.Sprintf("%s in %s", d.Format("02-01-2006"), strings.Join(byDate[d], ", ")))
	}
}

// AsOfSummary says, in one line, where as_of came from; empty without one.
func (p *Proposal) AsOfSummary() vocab.Text {
	if p.AsOf == "" {
		return vocab.Text{}
	}
	from := strings.Join(p.AsOfFrom, ", ")
	if len(p.AsOfFrom) > 1 {
		return vocab.Textf("as_of %s: de peildatum die %s geven; --as-of gaat daarvoor", "as_of %s: the reference date (\"Peildatum\") that %s give; --as-of overrides it", p.AsOf, from)
	}
	return vocab.Textf("as_of %s: de peildatum die %s geeft; --as-of gaat daarvoor", "as_of %s: the reference date (\"Peildatum\") that %s gives; --as-of overrides it", p.AsOf, from)
}

// asOfComments explain as_of in the manifest.
func (p *Proposal) asOfComments(nl bool) []string {
	if p.AsOf == "" {
		return nil
	}
	if nl {
		lines := []string{"as_of is de peildatum die deze exports geven:"}
		for _, l := range p.AsOfFrom {
			lines = append(lines, "  "+l)
		}
		for _, o := range p.OtherDates {
			lines = append(lines, "andere peildatum: "+o)
		}
		return append(lines, "Bewaartermijnen en deadlines worden ervanaf gemeten: pas hem aan, of haal hem",
			"weg om vanaf de dag van de audit te meten (--as-of gaat daarvoor).")
	}
	lines := []string{"as_of is the reference date (\"Peildatum\") that these exports give:"}
	for _, l := range p.AsOfFrom {
		lines = append(lines, "  "+l)
	}
	for _, o := range p.OtherDates {
		lines = append(lines, "other reference date: "+o)
	}
	return append(lines, "Retention and deadlines are measured from it: change it, or remove it to",
		"measure from the day of the audit (--as-of overrides it).")
}
