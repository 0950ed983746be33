package profiles

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/model"
)

func TestZZConcepts(t *testing.T) {
	hs := os.Getenv("ZZH")
	if hs == "" {
		t.Skip()
	}
	for _, h := range strings.Split(hs, "|") {
		fmt.Printf("%-28q %v %v\n", h, Concepts(h), conceptsIn(h, os.Getenv("ZZT")))
	}
}

// ZZDIRS: dump every header's concepts of every export below the dirs.
func TestZZDump(t *testing.T) {
	ds := os.Getenv("ZZDIRS")
	if ds == "" {
		t.Skip()
	}
	seen := map[string]bool{}
	for _, d := range strings.Split(ds, ":") {
		filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || !exportExts[strings.ToLower(filepath.Ext(p))] {
				return nil
			}
			pvs, err := ingest.Preview(os.DirFS(filepath.Dir(p)), filepath.Base(p), ingest.PreviewOptions{SampleRows: 5, DistinctValues: 10})
			if err != nil {
				return nil
			}
			for _, pv := range pvs {
				for _, h := range pv.Header {
					seen[h] = true
				}
			}
			return nil
		})
	}
	var all []string
	for h := range seen {
		all = append(all, h)
	}
	sort.Strings(all)
	for _, h := range all {
		fmt.Printf("%q\t%v\n", h, Concepts(h))
	}
	// the known names too
	var syns []string
	for _, m := range perTable {
		for _, ss := range m {
			syns = append(syns, ss...)
		}
	}
	for _, ss := range shared {
		syns = append(syns, ss...)
	}
	sort.Strings(syns)
	for _, h := range syns {
		fmt.Printf("SYN %q\t%v\n", h, Concepts(h))
	}
}

func TestZZAbbr(t *testing.T) {
	for _, u := range strings.Split(os.Getenv("ZZA"), "|") {
		if u == "" {
			t.Skip()
		}
		fmt.Println(u, abbrevCandidates(u, abbrWord), abbrevCandidates(u, abbrDotted), abbrevCandidates(u, abbrPart))
	}
}

func TestZZSheet(t *testing.T) {
	f := os.Getenv("ZZF")
	if f == "" {
		t.Skip()
	}
	pvs, err := ingest.Preview(os.DirFS(filepath.Dir(f)), filepath.Base(f), ingest.PreviewOptions{SampleRows: registerRows, DistinctValues: maxDistinct})
	if err != nil {
		t.Fatal(err)
	}
	for _, pv := range pvs {
		s := sheetOf(&pv)
		for i, h := range s.Header {
			v := s.values(i)
			sh := s.shape(i)
			fmt.Printf("%q rows=%d distinct=%d blanks=%d more=%v id=%.2f name=%.2f date=%.2f own=%v\n", h, v.Rows, len(v.Distinct), v.Blanks, v.More, sh.idShare, sh.nameShare, sh.dateShare, ownNumbers(s, i, nil, ""))
		}
	}
}

func TestZZMatch(t *testing.T) {
	f := os.Getenv("ZZF")
	if f == "" {
		t.Skip()
	}
	pvs, _ := ingest.Preview(os.DirFS(filepath.Dir(f)), filepath.Base(f), ingest.PreviewOptions{SampleRows: registerRows, DistinctValues: maxDistinct})
	for _, pv := range pvs {
		s := sheetOf(&pv)
		r := MatchSheet(s, nil)
		fmt.Println("placed", r.Table, r.Columns, r.Reason.EN)
		if r.Closest != nil {
			fmt.Println("closest", r.Closest.Table, r.Closest.Columns, r.Closest.Missing, r.Closest.Hints, r.Closest.HintScore, r.Closest.Unplaced)
		}
		for _, tb := range []string{os.Getenv("ZZT")} {
			if tb == "" {
				continue
			}
			tt, _ := modelLookup(tb)
			c := fit(tt, s, nil)
			fmt.Println("fit", tb, c.Columns, c.Missing, c.Hints, c.HintScore, c.Weight, c.Matched)
		}
	}
}

func modelLookup(n string) (*model.Table, bool) {
	t, ok := model.Lookup(n)
	return t, ok
}
