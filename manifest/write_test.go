package manifest_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/avgaudit/avgaudit/manifest"
)

// TestWriteRoundTrip writes the sample organisation's manifest with
// comments and reads it back: the same manifest, with the comments in it.
func TestWriteRoundTrip(t *testing.T) {
	m, err := manifest.Load(os.DirFS("../samples/org"), ".")
	if err != nil {
		t.Fatal(err)
	}
	m.Systems["tracking"].Files[0].Columns["*vreemd: #teken"] = "mentor"
	m.Systems["tracking"].Files[0].Columns["Mentor"] = "first_name"
	delete(m.Systems["tracking"].Files[0].Columns, "Voornaam")
	m.AcceptedRisks, m.Previous = "geaccepteerde-risicos.yaml", "historie"
	c := manifest.Comments{
		Head:    []string{"Written by a test.", "Second line."},
		Systems: map[string][]string{"portal": {"product guessed"}},
		Files:   map[string][]string{"konnect/konnect-export.xlsx [Foto's]": {"recognised as portal_photos: 6 of 6 columns matched"}},
		Foot:    []string{"Could not place:", "  x.csv: no column header matches"},
	}
	var buf bytes.Buffer
	if err := manifest.Write(&buf, m, c); err != nil {
		t.Fatal(err)
	}
	got, err := manifest.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(m, got, cmpopts.IgnoreFields(manifest.File{}, "Line"), cmpopts.IgnoreUnexported(manifest.Manifest{}, manifest.File{})); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	out := buf.String()
	for _, want := range []string{
		"# Written by a test.\n# Second line.\nversion: 1\n",
		"  # product guessed\n  portal:\n",
		"      # recognised as portal_photos: 6 of 6 columns matched\n      - file: konnect/konnect-export.xlsx\n        sheet: Foto's\n",
		"\n# Could not place:\n#   x.csv: no column header matches\n",
		`delimiter: "\t"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Columns come in the canonical table's order.
	if i, j := strings.Index(out, "Kindnummer: child_id"), strings.Index(out, "Geboortedatum: birth_date"); i < 0 || j < i {
		t.Errorf("columns not in model order:\n%s", out)
	}
}

// TestWriteWithoutAsOf says in the manifest that the reference date is not
// set, and the manifest still reads back without one.
func TestWriteWithoutAsOf(t *testing.T) {
	m, err := manifest.Load(os.DirFS("../samples/org"), ".")
	if err != nil {
		t.Fatal(err)
	}
	m.AsOf = ""
	var buf bytes.Buffer
	if err := manifest.Write(&buf, m, manifest.Comments{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "# as_of: YYYY-MM-DD") {
		t.Errorf("no note on the missing as_of:\n%s", buf.String())
	}
	got, err := manifest.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got.AsOf != "" {
		t.Errorf("as_of read back as %q", got.AsOf)
	}
}
