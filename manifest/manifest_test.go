package manifest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/manifest"
)

func TestParseValid(t *testing.T) {
	m, err := manifest.Load(os.DirFS("../samples/org"), ".")
	if err != nil {
		t.Fatalf("the sample manifest does not validate: %v", err)
	}
	if len(m.Files()) == 0 {
		t.Fatal("no files")
	}
	for _, f := range m.Files() {
		if f.System == "" || f.Product == "" || f.Line == 0 {
			t.Errorf("%s: system %q, product %q, line %d not filled in", f.Label(), f.System, f.Product, f.Line)
		}
	}
}

// TestParseErrors checks that every manifest mistake is named with its line
// or key and with what would be right.
func TestParseErrors(t *testing.T) {
	const ok = "version: 1\nsystems:\n  admin:\n    product: Kidsadmin\n    files:\n"
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"empty", "", []string{"the manifest is empty"}},
		{"not yaml", "systems: [", []string{"not valid YAML"}},
		{"wrong version", "version: 2\nsystems: {}\n", []string{"version: got 2", "add `version: 1`"}},
		{"typo in key", ok + "      - {file: a.csv, table: admin_children, colums: {}}\n", []string{`line 6: systems.admin.files[0]: unknown key "colums": did you mean columns?`, "allowed keys here: file, sheet, table"}},
		{"unknown system", "version: 1\nsystems:\n  finance:\n    product: X\n    files: [{file: a.csv, table: admin_children}]\n", []string{`unknown system "finance"`, "admin, portal, tracking, register"}},
		{"no product", "version: 1\nsystems:\n  admin:\n    files: [{file: a.csv, table: admin_children}]\n", []string{"systems.admin: product is missing"}},
		{"unknown table", ok + "      - {file: a.csv, table: kinderen}\n", []string{`line 6`, `unknown table "kinderen"`, "admin_children, admin_guardians, admin_invoices"}},
		{"table of other system", ok + "      - {file: a.csv, table: portal_photos}\n", []string{"table portal_photos belongs to system portal, not admin"}},
		{"unknown column", ok + "      - {file: a.csv, table: admin_children, columns: {Geboortedatum: birthdate}}\n", []string{`line 6: columns: "Geboortedatum" maps to "birthdate": did you mean birth_date? (birthdate is not a column of admin_children)`}},
		{"headers differing in case", ok + "      - {file: a.csv, table: admin_children, columns: {Einde: care_end, EINDE: care_start}}\n", []string{`"EINDE" and "Einde" differ only in upper/lower case`}},
		{"two headers one column", ok + "      - {file: a.csv, table: admin_children, columns: {A: child_id, B: child_id}}\n", []string{`both "A" and "B" map to child_id`}},
		{"path outside", ok + "      - {file: ../a.csv, table: admin_children}\n", []string{"must be a path inside the source directory"}},
		{"register outside", "version: 1\naccepted_risks: ../risicos.yaml\n" + ok[11:] + "      - {file: a.csv, table: admin_children}\n", []string{`accepted_risks: "../risicos.yaml" must be a path inside the source directory`}},
		{"previous absolute", "version: 1\nprevious: /tmp/vorig.json\n" + ok[11:] + "      - {file: a.csv, table: admin_children}\n", []string{`previous: "/tmp/vorig.json" must be a path inside the source directory`}},
		{"path outside, Windows style", ok + "      - {file: ..\\a.csv, table: admin_children}\n", []string{`file "../a.csv" must be a path inside the source directory`}},
		{"drive letter", ok + "      - {file: 'C:\\exports\\a.csv', table: admin_children}\n", []string{`file "C:/exports/a.csv" must be a path inside the source directory`}},
		{"previous on a drive", "version: 1\nprevious: D:\\vorig.json\n" + ok[11:] + "      - {file: a.csv, table: admin_children}\n", []string{`previous: "D:/vorig.json" must be a path inside the source directory`}},
		{"listed twice", ok + "      - {file: a.csv, table: admin_children}\n      - {file: a.csv, table: admin_children}\n", []string{"a.csv is listed twice for admin_children (also on line 6)"}},
		{"bad as_of", "version: 1\nas_of: 1-9-2026\n" + ok[11:] + "      - {file: a.csv, table: admin_children}\n", []string{`as_of "1-9-2026": expected a date like 2026-09-01`}},
		{"value mapped to an unknown enum value", "version: 1\nsystems:\n  portal:\n    product: Konnect\n    files:\n      - {file: a.csv, table: portal_consents, values: {consent_type: {\"Foto's op de website\": photo_extern}}}\n",
			[]string{`line 6`, `values: consent_type: "Foto's op de website" maps to "photo_extern", which is not one of photo_portal, photo_external,`}},
		{"value mapped to no yes/no", "version: 1\nsystems:\n  portal:\n    product: Konnect\n    files:\n      - {file: a.csv, table: portal_consents, values: {granted: {Akkoord: misschien}}}\n",
			[]string{`values: granted: "Akkoord" maps to "misschien", which is not a yes/no value; use ja or nee`}},
		{"value map for unknown column", ok + "      - {file: a.csv, table: admin_children, values: {sex: {M: m}}}\n", []string{`values: "sex" is not a column of admin_children`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := manifest.Parse(strings.NewReader(tt.yaml))
			if err == nil {
				t.Fatal("got no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

// TestParseAllMistakes: every mistake of a manifest is reported in one
// run, in line order, each with the line it is on and, for a misspelt
// name, the name meant.
func TestParseAllMistakes(t *testing.T) {
	const y = `version: 1
organisaton: De Klimboom
systems:
  admn:
    product: Kidsadmin
    files: [{file: a.csv, table: admin_children}]
  portal:
    product: Konnect
    files:
      - file: b.csv
        table: portal_consent
      - file: c.csv
        table: portal_consents
        columns:
          Kind-ID: portal_child_id
          Vraag: consent_typ
        values:
          consent_type:
            Foto's: photo_portal
            Website: photo_extrenal
          granted: {Akkoord: misschien}
`
	_, err := manifest.Parse(strings.NewReader(y))
	if err == nil {
		t.Fatal("got no error")
	}
	want := []string{
		`line 2: unknown key "organisaton": did you mean organisation? (allowed keys here: version, organisation, as_of, policy, accepted_risks, previous, systems)`,
		`line 4: systems: unknown system "admn": did you mean admin?; expected one of admin, portal, tracking, register`,
		`line 11: unknown table "portal_consent": did you mean portal_consents?; tables of system portal: portal_children, portal_consents, portal_guardians, portal_notes, portal_photos (systems.portal.files[0])`,
		`line 16: columns: "Vraag" maps to "consent_typ": did you mean consent_type? (consent_typ is not a column of portal_consents); its columns: portal_child_id, consent_type, granted, recorded_at, withdrawn_at, given_by (systems.portal.files[1])`,
		`line 20: values: consent_type: "Website" maps to "photo_extrenal", which is not one of photo_portal, photo_external, pickup_by_others, transport, friend_visit, visit_friend, independent_from_school, independent_home, photo_website, photo_social: did you mean photo_external? (systems.portal.files[1])`,
		`line 21: values: granted: "Akkoord" maps to "misschien", which is not a yes/no value; use ja or nee (systems.portal.files[1])`,
	}
	if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestLoadMissingManifest(t *testing.T) {
	_, err := manifest.Load(os.DirFS(t.TempDir()), ".")
	if err == nil || !strings.Contains(err.Error(), "no manifest.yaml: the source directory needs a manifest") {
		t.Errorf("got %v", err)
	}
}

// TestParseWindowsManifest checks that a manifest edited on Windows, with
// CRLF line ends and backslashes in its paths, reads as the original.
func TestParseWindowsManifest(t *testing.T) {
	orig, err := os.ReadFile("../samples/org/manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := manifest.Parse(strings.NewReader(string(orig)))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(orig), "\n")
	for i, l := range lines {
		if k := strings.TrimLeft(l, " -"); strings.HasPrefix(k, "file: ") || strings.HasPrefix(k, "previous: ") {
			lines[i] = strings.ReplaceAll(l, "/", `\`)
		}
	}
	windows := strings.Join(lines, "\r\n")
	if !strings.Contains(windows, `file: kidsadmin\kinderen.csv`) {
		t.Fatalf("the conversion did not make Windows paths:\n%s", windows[:500])
	}
	got, err := manifest.Parse(strings.NewReader(windows))
	if err != nil {
		t.Fatalf("Windows manifest: %v", err)
	}
	if got.Previous != want.Previous || got.Policy != want.Policy {
		t.Errorf("previous %q, policy %q; want %q, %q", got.Previous, got.Policy, want.Previous, want.Policy)
	}
	gf, wf := got.Files(), want.Files()
	if len(gf) != len(wf) {
		t.Fatalf("%d files, want %d", len(gf), len(wf))
	}
	for i := range wf {
		if gf[i].File != wf[i].File || gf[i].Sheet != wf[i].Sheet || gf[i].Table != wf[i].Table || len(gf[i].Columns) != len(wf[i].Columns) {
			t.Errorf("file %d: got %s -> %s, want %s -> %s", i, gf[i].Label(), gf[i].Table, wf[i].Label(), wf[i].Table)
		}
	}
}
