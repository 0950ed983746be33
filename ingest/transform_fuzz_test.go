package ingest

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
)

// FuzzTransform feeds arbitrary bytes through the row transform of a wide
// consent export (unpivot, a split id cell, a fixed value): none may panic;
// every row it makes has the width the plan reads, and every problem has a
// reason in Dutch and a different one in English.
func FuzzTransform(f *testing.F) {
	f.Add([]byte("ID;Foto;Website\nP1, P2;ja;nee\n;x;\nP3;;\n"))
	f.Add([]byte("ID,Foto\n\"P1,P1\",misschien\nP2\n"))
	f.Add([]byte("Foto;ID\n;;;;\n"))
	table, _ := model.Lookup("portal_consents")
	mf := &manifest.File{File: "f.csv", Table: table.Name, Columns: map[string]string{"ID": "portal_child_id"},
		Unpivot: &manifest.Unpivot{Into: []string{"consent_type", "granted"}, Columns: map[string]string{"Foto": "photo_portal", "Website": "photo_external"}},
		Split:   map[string]string{"portal_child_id": ","},
		Fixed:   map[string]string{"given_by": "Ouder"},
		Values:  map[string]map[string]string{"granted": {"x": "ja", "": "nee"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := newCSVReader(bytes.NewReader(data), 0)
		if err != nil {
			return
		}
		_, header, err := r.Next()
		if err != nil {
			return
		}
		header = append([]string(nil), header...)
		plan, _, err := planColumns(mf, table, header)
		if err != nil {
			return
		}
		tf, ext, err := newTransform(mf, table, header, plan)
		if err != nil || tf == nil {
			return
		}
		tr := &transformReader{rr: r, tf: tf}
		batch := newRowBatch(table)
		for {
			_, cells, err := tr.Next()
			var bad *badRowError
			switch {
			case errors.Is(err, io.EOF):
				return
			case errors.As(err, &bad):
				if bad.reason().NL == "" || bad.reason().EN == "" {
					t.Fatalf("bad row without a reason: %+v", bad)
				}
				continue
			case err != nil:
				return
			}
			if len(cells) != ext.width {
				t.Fatalf("row of %d cells, the plan reads %d", len(cells), ext.width)
			}
			for _, p := range parseRow(mf, table, ext, cells, cellKind{}, batch, 0) {
				if p.reason.NL == "" || p.reason.EN == "" || p.reason.NL == p.reason.EN {
					t.Fatalf("reject of %q without a reason in Dutch and a different one in English: %+v", cells, p.reason)
				}
			}
		}
	})
}
