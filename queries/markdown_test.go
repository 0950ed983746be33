package queries_test

import (
	"flag"
	"os"
	"regexp"
	"strings"
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

// TestMacrosDocumented requires docs/checks.md to name every macro a check
// may use (those starting with _ are helpers of the others).
func TestMacrosDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`MACRO (\w+)\(`)
	for _, m := range queries.Macros {
		n := name.FindStringSubmatch(m)
		if n == nil {
			t.Fatalf("no macro name in %.60s", m)
		}
		if !strings.HasPrefix(n[1], "_") && !strings.Contains(string(doc), "`"+n[1]+"(") {
			t.Errorf("docs/checks.md does not document the macro %s", n[1])
		}
	}
}
