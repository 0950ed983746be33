package model_test

import (
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/model"
)

var update = flag.Bool("update", false, "rewrite docs/canonical-model.md from the model")

const docPath = "../docs/canonical-model.md"

// TestDocumentationCurrent keeps docs/canonical-model.md in step with the model.
func TestDocumentationCurrent(t *testing.T) {
	got := model.Markdown()
	if *update {
		if err := os.WriteFile(docPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatalf("%v (run go test ./model -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s is out of date; run go test ./model -update (-file +model):\n%s", docPath, diff)
	}
}

func TestModelConsistent(t *testing.T) {
	seen := map[string]bool{}
	for _, tb := range model.Tables {
		if seen[tb.Name] {
			t.Errorf("table %s defined twice", tb.Name)
		}
		seen[tb.Name] = true
		cols := map[string]bool{}
		for _, c := range tb.Columns {
			if cols[c.Name] {
				t.Errorf("%s.%s defined twice", tb.Name, c.Name)
			}
			cols[c.Name] = true
			if c.Key && !c.Required {
				t.Errorf("%s.%s is a key but not required", tb.Name, c.Name)
			}
			if (c.Type == model.Enum) != (len(c.Values) > 0) {
				t.Errorf("%s.%s: enum columns, and only they, list values", tb.Name, c.Name)
			}
			if c.Name == model.FileColumn || c.Name == model.RowColumn {
				t.Errorf("%s.%s clashes with a provenance column", tb.Name, c.Name)
			}
		}
		if _, ok := model.Lookup(tb.Name); !ok {
			t.Errorf("Lookup(%s) failed", tb.Name)
		}
	}
}

// TestColumnDocsNL requires a Dutch doc line for every column of the model,
// and none for a column the model does not have.
func TestColumnDocsNL(t *testing.T) {
	for _, tbl := range model.Tables {
		for _, c := range tbl.Columns {
			nl := model.ColumnDocsNL[tbl.Name][c.Name]
			if nl == "" {
				t.Errorf("%s.%s: give its doc in Dutch in ColumnDocsNL (model/docs_nl.go); English: %q", tbl.Name, c.Name, c.Doc)
			}
			if got := model.ColumnDoc(tbl.Name, c.Name, "en"); got != c.Doc {
				t.Errorf("%s.%s in English: %q, want %q", tbl.Name, c.Name, got, c.Doc)
			}
		}
	}
	for table, cols := range model.ColumnDocsNL {
		tbl, ok := model.Lookup(table)
		if !ok {
			t.Errorf("ColumnDocsNL: %q is not a table of the model", table)
			continue
		}
		for col := range cols {
			if _, ok := tbl.Column(col); !ok {
				t.Errorf("ColumnDocsNL: %s has no column %q", table, col)
			}
		}
	}
}
