package profiles

import (
	"fmt"
	"os"
	"testing"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/model"
)

func TestZZDebug(t *testing.T) {
	dir, file, table := os.Getenv("DBG_DIR"), os.Getenv("DBG_FILE"), os.Getenv("DBG_TABLE")
	if dir == "" {
		t.Skip()
	}
	pvs, err := ingest.Preview(os.DirFS(dir), file, ingest.PreviewOptions{SampleRows: 1, DistinctValues: maxDistinct})
	if err != nil {
		t.Fatal(err)
	}
	for i := range pvs {
		pv := &pvs[i]
		if s := os.Getenv("DBG_SHEET"); s != "" && pv.Sheet != s {
			continue
		}
		s := sheetOf(pv)
		for j, h := range s.Header {
			fmt.Printf("%q: %+v\n", h, s.shape(j))
		}
		tb, _ := model.Lookup(table)
		c := fit(tb, s, nil)
		fmt.Printf("%+v\n", c)
		for _, l := range []string{} {
			v, sc, ok := nearestValue("consent_type", model.ConsentTypes, l)
			fmt.Println(l, v, sc, ok)
		}
	}
}

func TestZZConcepts(t *testing.T) {
	for _, h := range []string{"PERSNR", "Question", "Child ID", "KindPlan no.", "LeerlingNr", "OL-nr", "Antwoord verstuurd"} {
		fmt.Println(h, Concepts(h))
	}
	tb, _ := model.Lookup("staff")
	c, _ := tb.Column("employee_id")
	fmt.Println(abbreviatesKey(tb, c, "PERSNR"))
}

func TestZZRound(t *testing.T) {
	dir, file := os.Getenv("DBG_DIR"), os.Getenv("DBG_FILE")
	if dir == "" {
		t.Skip()
	}
	fsys := os.DirFS(dir)
	files, _ := exportFiles(fsys, ".")
	var sheets []ingest.SheetPreview
	for _, name := range files {
		pvs, _ := ingest.Preview(fsys, name, ingest.PreviewOptions{SampleRows: 1, DistinctValues: maxDistinct})
		for _, pv := range pvs {
			pv.File = name
			sheets = append(sheets, pv)
		}
	}
	var placed []Result
	for i := range sheets {
		placed = append(placed, matchPreview(&sheets[i], nil))
	}
	keys := collectKeys(sheets, placed)
	for i := range sheets {
		if sheets[i].File != file {
			continue
		}
		s := sheetOf(&sheets[i])
		var all []Candidate
		for _, tb := range model.Tables {
			all = append(all, fit(&tb, s, keys))
		}
		weigh(all)
		for _, c := range all {
			if c.Matched >= 2 {
				fmt.Printf("%s m=%d w=%.2f miss=%v cols=%v\n", c.Table, c.Matched, c.Weight, c.Missing, c.Columns)
			}
		}
	}
}
