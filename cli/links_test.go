package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkMismatchWarned audits exports whose photos are tagged with
// another system's child numbers (2 of 16 are the portal's): the terminal
// warns with the share, examples and fix, and the reports mark the checks
// that read the column incomplete: photo_without_consent keeps its 14 false
// findings, flagged.
func TestLinkMismatchWarned(t *testing.T) {
	dir := t.TempDir()
	var children, consents, photos strings.Builder
	children.WriteString("Kind;Voornaam;Groep\n")
	consents.WriteString("Kind;Toestemming;Gegeven\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&children, "P%02d;Kind%d;Rupsjes\n", i, i)
		fmt.Fprintf(&consents, "P%02d;photo_portal;ja\n", i)
	}
	photos.WriteString("Foto;Kind-ID;Geplaatst\n")
	for i := 1; i <= 14; i++ {
		fmt.Fprintf(&photos, "B%d;K-%04d;01-03-2026 10:00\n", i, i)
	}
	photos.WriteString("B15;P01;01-03-2026 10:00\nB16;P02;01-03-2026 10:00\n")
	files := map[string]string{
		"manifest.yaml": `version: 1
organisation: Test
as_of: 2026-09-01
systems:
  portal:
    product: Konnect
    files:
      - {file: kinderen.csv, table: portal_children, columns: {Kind: portal_child_id, Voornaam: first_name, Groep: group_name}}
      - {file: toestemmingen.csv, table: portal_consents, columns: {Kind: portal_child_id, Toestemming: consent_type, Gegeven: granted}}
      - {file: fotos.csv, table: portal_photos, columns: {Foto: photo_id, Kind-ID: portal_child_id, Geplaatst: posted_at}}
`,
		"kinderen.csv":      children.String(),
		"fotos.csv":         photos.String(),
		"toestemmingen.csv": consents.String(),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "rapport")
	r := avgaudit(t, "", "audit", dir, "--out", out, "--no-history", "--audience", "fg,risk")
	r.expect(t, 0, nil, []string{
		`waarschuwing: 2 van 16 kindnummers in fotos.csv (kolom "Kind-ID", portal_photos.portal_child_id) komen voor in de kinderen van het ouderportaal (portal_children.portal_child_id), bijvoorbeeld niet: "K-0001", "K-0002", "K-0003".`,
		`waarschuwing: controle photo_without_consent: onvolledig: maar 2 van 16 kindnummers in fotos.csv`,
	})
	if !strings.Contains(r.stdout, "photo_without_consent") || !strings.Contains(r.stdout, "14 bevindingen") {
		t.Errorf("photo_without_consent should keep its 14 findings:\n%s", r.stdout)
	}
	html, err := os.ReadFile(filepath.Join(out, "rapport-fg.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "onvolledig: maar 2 van 16 kindnummers in fotos.csv") {
		t.Error("rapport-fg.html does not mark photo_without_consent incomplete")
	}
	// The risk analysis names the share, not the children's numbers.
	risk, err := os.ReadFile(filepath.Join(out, "resultaten.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(risk), "2 van 16 kindnummers in fotos.csv") || strings.Contains(string(risk), "K-0001") {
		t.Error("resultaten.json should give the link warning without the example child numbers")
	}
}
