// Command generate writes the synthetic sample organisation "Kinderopvang
// De Klimboom (synthetisch)": the exports of its childcare administration
// (Kidsadmin), parent portal (Konnect), child-tracking system (KIJK!) and
// privacy registers, with a manifest and a policy, plus the list of
// findings the audit must report on them. It also writes last year's
// exports to a temporary directory, audits them and keeps the results in
// historie/ for the trend.
//
// Usage:
//
//	go run ./samples/generate -out samples/org
//	go run ./samples/generate -out /tmp/chain -children 100000
//
// With -children N it writes a scaled organisation of at least N children
// instead (see scale.go): not committed, no README update, its planted
// finding counts in planted.json.
//
// The output is deterministic: a fixed PCG seed, no clock, no map order.
// Every record that should produce a finding is planted on purpose and
// booked as it is planted; the generator then writes those expectations
// between the markers of ../README.md (next to the output directory).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/results"
)

func main() {
	out := flag.String("out", "samples/org", "directory to write the sample organisation into")
	readme := flag.String("readme", "auto", `README to update between its markers ("auto": README.md next to -out, if present; "": none)`)
	children := flag.Int("children", 0, "write a scaled organisation of at least this many children (per-child exports repeated; planted counts in "+scaleFile+")")
	flag.Parse()
	if *children > 0 {
		p, err := generateScaled(*out, *children)
		if err != nil {
			fmt.Fprintln(os.Stderr, "generate:", err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d children (%d replicas), %d planted findings\n", *out, p.Children, p.Replicas, p.Total)
		return
	}
	if err := run(*out, *readme); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run(out, readme string) error {
	o, stats, prev, err := generate(out)
	if err != nil {
		return err
	}
	if readme == "auto" {
		readme = filepath.Join(filepath.Dir(filepath.Clean(out)), "README.md")
		if _, err := os.Stat(readme); errors.Is(err, fs.ErrNotExist) {
			return nil
		}
	}
	if readme == "" {
		return nil
	}
	return updateReadme(readme, o.readmeBlocks(stats, prev))
}

// generate writes the sample organisation into out, and the results of
// auditing last year's exports into its historyFile.
func generate(out string) (*Org, []fileStat, *results.Run, error) {
	o := build()
	stats, err := o.write(out)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("write %s: %w", out, err)
	}
	prev, err := writeHistory(out)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("last year's results: %w", err)
	}
	return o, stats, prev, nil
}

// block is generated README content between <!-- name:start --> and <!-- name:end -->.
type block struct{ Name, Body string }

// readmeBlocks are the generated README blocks; the trend against last
// year only with its results (prev).
func (o *Org) readmeBlocks(stats []fileStat, prev *results.Run) []block {
	type row struct{ check, table, key, why string }
	rows := func(es []Expectation) []row {
		var rs []row
		for _, e := range es {
			rs = append(rs, row{e.Check, e.Table, e.Key(), e.Why})
		}
		slices.SortStableFunc(rs, func(a, b row) int {
			if c := slices.Index(checkOrder, a.check) - slices.Index(checkOrder, b.check); c != 0 {
				return c
			}
			if c := strings.Compare(a.table, b.table); c != 0 {
				return c
			}
			return strings.Compare(a.key, b.key)
		})
		return rs
	}
	table := func(head string, rs []row) string {
		var b strings.Builder
		b.WriteString(head)
		b.WriteString("|---|---|---|---|\n")
		for _, r := range rs {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.check, r.table, r.key, r.why)
		}
		return b.String()
	}
	exp := rows(o.Expected)
	var counts strings.Builder
	counts.WriteString("| check | expected findings |\n|---|---|\n")
	for _, c := range checkOrder {
		n := 0
		for _, r := range exp {
			if r.check == c {
				n++
			}
		}
		fmt.Fprintf(&counts, "| %s | %d |\n", c, n)
	}
	fmt.Fprintf(&counts, "| **total** | **%d** |\n", len(exp))

	var files strings.Builder
	files.WriteString("| file | sheet | table | rows |\n|---|---|---|---|\n")
	for _, s := range stats {
		fmt.Fprintf(&files, "| `%s` | %s | %s | %d |\n", s.File, s.Sheet, s.Table, s.Rows)
	}
	blocks := []block{
		{"row-counts", files.String()},
		{"expected-findings", table("| check | table | record key | planted because |\n", exp)},
		{"expected-counts", counts.String()},
		{"expected-absent", table("| check | table | record key | must not be found because |\n", rows(o.Absent))},
		{"expected-acceptances", o.acceptancesBlock()},
	}
	if prev != nil {
		blocks = append(blocks, block{"expected-trend", o.trendBlock(prev)})
	}
	return blocks
}

// updateReadme replaces the body of every block in the README at path.
func updateReadme(path string, blocks []block) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := string(data)
	for _, bl := range blocks {
		start, end := "<!-- "+bl.Name+":start -->\n", "<!-- "+bl.Name+":end -->"
		i := strings.Index(s, start)
		j := strings.Index(s, end)
		if i < 0 || j < i {
			return fmt.Errorf("%s: markers %q and %q not found", path, strings.TrimSpace(start), end)
		}
		s = s[:i+len(start)] + bl.Body + s[j:]
	}
	return os.WriteFile(path, []byte(s), 0o644)
}
