package manifest_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/avgaudit/avgaudit/manifest"
)

const shapes = `version: 1
organisation: Vormen
systems:
  admin:
    product: Flexkids
    files:
      - file: Flexkids_Gebruikers.csv
        table: accounts
        columns: {Gebruikersnaam: username}
  portal:
    product: Bitcare
    files:
      - file: Bitcare_toestemmingen.xlsx
        table: portal_consents
        columns: {Bitcare ID: portal_child_id, Laatst gewijzigd: recorded_at}
        unpivot:
          into: [consent_type, granted]      # the question, and the cell
          columns:
            "Foto's in de Bitcare app": photo_portal
            "Foto's op onze website": Website
        values:
          consent_type: {Website: photo_external}
          granted: {x: ja, "": nee}
      - file: Bitcare_toestemmingen.xlsx
        table: portal_children
        columns: {Bitcare ID: portal_child_id, Extern nummer: child_id}
  register:
    product: Excel
    files:
      - file: Bitcare_gebruikers.csv
        table: accounts
        columns: {Gebruikersnaam: username}
        values: {system: Bitcare}
      - file: social.csv
        table: social_posts
        columns: {Bericht: post_id, Kinderen: child_id}
        split: {child_id: ","}
`

// TestParseShapes reads the manifest syntax for exports that are not one
// record per row, and writes it back the same.
func TestParseShapes(t *testing.T) {
	m, err := manifest.Parse(strings.NewReader(shapes))
	if err != nil {
		t.Fatal(err)
	}
	consents := m.Systems["portal"].Files[0]
	if diff := cmp.Diff(&manifest.Unpivot{Into: []string{"consent_type", "granted"}, Columns: map[string]string{"Foto's in de Bitcare app": "photo_portal", "Foto's op onze website": "Website"}}, consents.Unpivot); diff != "" {
		t.Errorf("unpivot (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]map[string]string{"consent_type": {"Website": "photo_external"}, "granted": {"x": "ja", "": "nee"}}, consents.Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	reg := m.Systems["register"].Files
	if diff := cmp.Diff(map[string]string{"system": "Bitcare"}, reg[0].Fixed); diff != "" {
		t.Errorf("fixed values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"child_id": ","}, reg[1].Split); diff != "" {
		t.Errorf("split (-want +got):\n%s", diff)
	}
	var buf bytes.Buffer
	if err := manifest.Write(&buf, m, manifest.Comments{}); err != nil {
		t.Fatal(err)
	}
	back, err := manifest.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(m, back, cmpopts.IgnoreFields(manifest.File{}, "Line"), cmpopts.IgnoreUnexported(manifest.Manifest{}, manifest.File{})); diff != "" {
		t.Errorf("round trip (-want +got):\n%s\n%s", diff, buf.String())
	}
	for _, want := range []string{"        unpivot:\n          into: [consent_type, granted]\n          columns:\n", `split: {child_id: ","}`, "values:\n          system: Bitcare\n"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("written manifest lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestParseShapeErrors: mistakes in unpivot, split and fixed values are
// reported with their line and what would be right, in both languages.
func TestParseShapeErrors(t *testing.T) {
	const head = "version: 1\nsystems:\n  portal:\n    product: Bitcare\n    files:\n      - file: a.csv\n"
	tests := []struct {
		name, yaml string
		want       []string
		nl         string
	}{
		{"into needs two", head + "        table: portal_consents\n        columns: {ID: portal_child_id}\n        unpivot:\n          into: [granted]\n          columns: {Foto: photo_portal}\n",
			[]string{"line 10: unpivot: into: expected two columns"}, "verwacht twee kolommen"},
		{"into unknown column", head + "        table: portal_consents\n        columns: {ID: portal_child_id}\n        unpivot:\n          into: [consent_typ, granted]\n          columns: {Foto: photo_portal}\n",
			[]string{`line 10: unpivot: into: "consent_typ" is not a column of portal_consents: did you mean consent_type?`}, "bedoel je consent_type?"},
		{"question not a value", head + "        table: portal_consents\n        columns: {ID: portal_child_id}\n        unpivot:\n          into: [consent_type, granted]\n          columns:\n            Foto: photo_extern\n",
			[]string{`line 12: unpivot: columns: "Foto" maps to "photo_extern", which is not one of`, "did you mean photo_external?"}, "bedoel je photo_external?"},
		{"question also a column", head + "        table: portal_consents\n        columns: {ID: portal_child_id, Foto: given_by}\n        unpivot:\n          into: [consent_type, granted]\n          columns:\n            Foto: photo_portal\n",
			[]string{`line 12: unpivot: columns: "Foto" is also mapped to given_by under columns:`}, "een exportkolom is een vraag of een kolom"},
		{"into already mapped", head + "        table: portal_consents\n        columns: {ID: portal_child_id, Antwoord: granted}\n        unpivot:\n          into: [consent_type, granted]\n          columns: {Foto: photo_portal}\n",
			[]string{`line 10: unpivot: into: the export column "Antwoord" already fills granted under columns:`}, "vult granted al"},
		{"unknown unpivot key", head + "        table: portal_consents\n        columns: {ID: portal_child_id}\n        unpivot:\n          into: [consent_type, granted]\n          kolommen: {Foto: photo_portal}\n",
			[]string{`line 11: systems.portal.files[0]: unpivot: unknown key "kolommen"`}, "onbekende sleutel"},
		{"unpivot a keyed table", head + "        table: portal_notes\n        columns: {ID: portal_child_id}\n        unpivot:\n          into: [category, created_at]\n          columns: {Allergie: allergy}\n",
			[]string{"line 9: unpivot makes several rows of one export row, but note_id is the key of portal_notes"}, "zou herhaald worden"},
		{"fixed value of a yes/no", head + "        table: portal_consents\n        columns: {ID: portal_child_id, Vraag: consent_type}\n        values: {granted: misschien}\n",
			[]string{`line 9: values: granted: "misschien" which is not a yes/no value`}, "geen ja/nee-waarde"},
		{"fixed value and a column", head + "        table: portal_consents\n        columns: {ID: portal_child_id, Vraag: consent_type, Antwoord: granted}\n        values: {granted: ja}\n",
			[]string{`line 9: values: granted: the export column "Antwoord" already fills granted`}, "vult granted al"},
		{"fixed value of an unknown column", head + "        table: portal_consents\n        columns: {ID: portal_child_id}\n        values: {grantd: ja}\n",
			[]string{`line 9: values: "grantd" is not a column of portal_consents: did you mean granted?`}, "bedoel je granted?"},
		{"fixed value that leaves out every row", head + "        table: portal_consents\n        columns: {ID: portal_child_id, Antwoord: granted}\n        values: {consent_type: \"-\"}\n",
			[]string{`line 9: values: consent_type: "-" leaves out the rows of a label`}, "zou het alle rijen weglaten"},
		{"fixed value empty", head + "        table: portal_consents\n        columns: {ID: portal_child_id}\n        values: {granted: }\n",
			[]string{`line 9: values: granted: no value`}, "geen waarde"},
		{"split without separator", head + "        table: portal_photos\n        columns: {ID: portal_child_id}\n        split: {portal_child_id: \"\"}\n",
			[]string{`line 9: split: portal_child_id: no separator`}, "geen scheidingsteken"},
		{"split of an unknown column", head + "        table: portal_photos\n        split: {child: \",\"}\n",
			[]string{`line 8: split: "child" is not a column of portal_photos`}, "is geen kolom van portal_photos"},
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
			if nl := err.(interface{ Dutch() string }).Dutch(); !strings.Contains(nl, tt.nl) {
				t.Errorf("Dutch error %q\ndoes not contain %q", nl, tt.nl)
			}
		})
	}
}

// TestRegisterTableUnderAnySystem: a system's own user list fills accounts
// under that system; other tables stay with their system.
func TestRegisterTableUnderAnySystem(t *testing.T) {
	if _, err := manifest.Parse(strings.NewReader("version: 1\nsystems:\n  admin:\n    product: Flexkids\n    files:\n      - {file: a.csv, table: accounts}\n")); err != nil {
		t.Errorf("accounts under admin: %v", err)
	}
	_, err := manifest.Parse(strings.NewReader("version: 1\nsystems:\n  register:\n    product: Excel\n    files:\n      - {file: a.csv, table: admin_children}\n"))
	if err == nil || !strings.Contains(err.Error(), "table admin_children belongs to system admin, not register; move the entry under systems: admin:") {
		t.Errorf("admin_children under register: %v", err)
	}
}

const joined = `version: 1
systems:
  admin:
    product: KOO
    files:
      - file: koo.xlsx
        sheet: KINDEREN
        table: admin_children
        columns: {KIND_ID: child_id, VOORNAAM: first_name}
      - file: koo.xlsx
        sheet: PLAATSINGEN
        table: admin_children
        join: child_id
        columns: {KIND_ID: child_id, STARTDATUM: care_start, EINDDATUM: care_end}
`

// TestParseJoin: a join entry adds its columns to the other entry of its
// table, so that entry's required care_end counts as mapped; the manifest
// is written back the same.
func TestParseJoin(t *testing.T) {
	m, err := manifest.Parse(strings.NewReader(joined))
	if err != nil {
		t.Fatal(err)
	}
	files := m.Systems["admin"].Files
	if files[1].Join != "child_id" || files[0].Join != "" {
		t.Errorf("join: got %q and %q", files[0].Join, files[1].Join)
	}
	if !files[0].Joined["care_end"] || !files[0].Joined["care_start"] {
		t.Errorf("the children's entry is not told what the placements add: %v", files[0].Joined)
	}
	var buf bytes.Buffer
	if err := manifest.Write(&buf, m, manifest.Comments{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "        table: admin_children\n        join: child_id\n") {
		t.Errorf("written manifest lacks join:\n%s", buf.String())
	}
	if _, err := manifest.Parse(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
}

// TestParseJoinErrors: a join on a column that is not the key, a join
// whose key is not mapped, and a join without an entry to add to.
func TestParseJoinErrors(t *testing.T) {
	tests := []struct{ name, yaml, want, nl string }{
		{"not the key", strings.Replace(joined, "join: child_id", "join: care_start", 1), `line 13: join: "care_start" is not the key of admin_children; name its key column (child_id)`, "is niet de sleutel"},
		{"key not mapped", strings.Replace(joined, "{KIND_ID: child_id, STARTDATUM", "{STARTDATUM", 1), "line 13: join: no header is mapped to child_id under columns:", "geen kolomkop"},
		{"lookup of another column", strings.Replace(joined, "        join: child_id\n", "        join: child_id\n        lookup: {care_end: child_id}\n", 1), `lookup: "care_end": only portal_child_id and tracking_child_id (by child_id in their system's children) and child_id (by name) can be looked up`, "kunnen worden opgezocht"},
		{"nothing to join to", strings.Replace(joined, "        columns: {KIND_ID: child_id, VOORNAAM: first_name}\n", "        join: child_id\n        columns: {KIND_ID: child_id, VOORNAAM: first_name}\n", 1), "join: koo.xlsx [KINDEREN] adds its columns to the rows of another entry of admin_children, but there is none", "maar dat is er niet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := manifest.Parse(strings.NewReader(tt.yaml))
			if err == nil {
				t.Fatal("got no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\ndoes not contain %q", err, tt.want)
			}
			if nl := err.(interface{ Dutch() string }).Dutch(); !strings.Contains(nl, tt.nl) {
				t.Errorf("Dutch error %q\ndoes not contain %q", nl, tt.nl)
			}
		})
	}
}
