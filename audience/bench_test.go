package audience_test

import (
	"fmt"
	"testing"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/results"
)

// bigRun is a run of a large organisation: 10,000 identifiers and 5,000
// findings whose messages and values hold some of them.
func bigRun() *results.Run {
	run := &results.Run{}
	first := []string{"Anna", "Sem", "Noor", "Daan", "Fleur", "Liam", "Yara", "Finn", "Saar", "Milan"}
	for i := range 2000 {
		name := fmt.Sprintf("%s Achternaam%d", first[i%len(first)], i)
		run.Identifiers = append(run.Identifiers,
			results.Identifier{Value: name, Kind: "name"},
			results.Identifier{Value: fmt.Sprintf("K%05d", i), Kind: "id"},
			results.Identifier{Value: fmt.Sprintf("ouder%d@example.nl", i), Kind: "contact"},
			results.Identifier{Value: fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28), Kind: "birth_date"},
			results.Identifier{Value: fmt.Sprintf("06-%08d", i), Kind: "contact"},
		)
	}
	c := results.Check{ID: "c"}
	for i := range 5000 {
		k := i % 2000
		c.Findings = append(c.Findings, results.Finding{
			Key: fmt.Sprintf("c|t|K%05d", k), Table: "t", RecordKey: fmt.Sprintf("K%05d", k), File: "export/kinderen.csv", Row: i + 2,
			Message: results.Text{
				NL: fmt.Sprintf("Kind K%05d van %s Achternaam%d (geboren 2014-03-05) heeft geen toestemming; mail ouder%d@example.nl.", k, first[k%len(first)], k, k),
				EN: fmt.Sprintf("Child K%05d of %s Achternaam%d (born 2014-03-05) has no consent; mail ouder%d@example.nl.", k, first[k%len(first)], k, k),
			},
			Values: []string{fmt.Sprintf("K%05d", k), "2025-10-07 10:15", "Vlinders", fmt.Sprintf("%s Achternaam%d", first[k%len(first)], k)},
		})
	}
	run.Checks = []results.Check{c}
	return run
}

// BenchmarkRisk prepares the risk view of a large run and reads each of
// its findings once, as a report does.
func BenchmarkRisk(b *testing.B) {
	run := bigRun()
	p, err := pseudonym.New(pseudonym.SampleKey)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := audience.Risk(run, p).Run("nl")
		if err != nil {
			b.Fatal(err)
		}
		for i := range r.Checks {
			c := &r.Checks[i]
			for j := range c.NFindings() {
				c.FindingAt(j)
			}
		}
	}
}

// BenchmarkNewScrubber builds the matcher of 10,000 identifiers.
func BenchmarkNewScrubber(b *testing.B) {
	ids := bigRun().Identifiers
	b.ReportAllocs()
	for b.Loop() {
		audience.NewScrubber(ids)
	}
}
