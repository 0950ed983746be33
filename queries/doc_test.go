package queries_test

import (
	"flag"
	"os"
	"testing"

	"github.com/avgaudit/avgaudit/queries"
)

var update = flag.Bool("update", false, "rewrite docs/catalogue.md from the checks")

// TestCatalogueMarkdown keeps docs/catalogue.md in step with the checks.
func TestCatalogueMarkdown(t *testing.T) {
	const docPath = "../docs/catalogue.md"
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	got := queries.Markdown(checks)
	if *update {
		if err := os.WriteFile(docPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatalf("%v (run go test ./queries -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is out of date; run go test ./queries -update", docPath)
	}
}
