package ingest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"
)

func utf16LE(t *testing.T, s string) string {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMessyCSV covers exports that real systems and people produce: every
// row must end up loaded with the right values or rejected with a reason,
// never silently lost or mangled.
func TestMessyCSV(t *testing.T) {
	type reject struct {
		Row    int
		Column string
		Reason string // a part of the reason
	}
	tests := []struct {
		name    string
		table   string
		content string
		query   string
		want    [][]string
		rejects []reject
	}{
		{
			name:    "quote inside an unquoted value",
			content: "child_id;care_end;first_name\nK1;;\"Juf\" Anna\nK2;;Bram\n",
			want:    [][]string{{"K2", "Bram"}},
			rejects: []reject{{2, "", `a quote (") in this row is not closed properly`}},
		},
		{
			name:    "quote never closed does not swallow the file silently",
			content: "child_id;care_end;first_name\nK1;;\"Anna\nK2;;Bram\nK3;;Cas\n",
			want:    nil,
			rejects: []reject{{2, "", "lines 2 to 4 could not be read"}},
		},
		{
			name:    "line break in an unquoted value",
			content: "child_id;first_name;care_end;bsn\nK1;Epipen\nin tas;31-07-2016\nK2;Bram;;\n",
			want:    [][]string{{"K2", "Bram"}},
			rejects: []reject{{2, "bsn", "the row ends after 2 cells"}, {3, "bsn", "the row ends after 2 cells"}},
		},
		{
			name:    "date in the BSN column",
			content: "child_id;first_name;care_end;bsn\nK1;Anna;;31-07-2016\n",
			rejects: []reject{{2, "bsn", "is not a BSN of 9 digits"}},
		},
		{
			name:    "windows-1252 (Excel CSV puntkomma-gescheiden)",
			content: "child_id;first_name;care_end\nK1;Ren\xe9e;\nK2;Zo\xeb \xc7elik;\n",
			want:    [][]string{{"K1", "Renée"}, {"K2", "Zoë Çelik"}},
		},
		{
			name:    "utf-16 with BOM (Excel Unicode-tekst)",
			content: "UTF16:child_id\tfirst_name\tcare_end\r\nK1\tZoë\t31-12-2025\r\n",
			want:    [][]string{{"K1", "Zoë"}},
		},
		{
			name:    "blank lines before the header",
			content: "\r\n;;\r\nchild_id;first_name;care_end\r\nK1;Anna;\r\n",
			want:    [][]string{{"K1", "Anna"}},
		},
		{
			name:    "a rejected row does not make the next one a duplicate",
			content: "child_id;first_name;care_end\nK1;Anna;31-13-2020\nK1;Anna;31-12-2020\nK1;Anna;\n",
			want:    [][]string{{"K1", "Anna"}},
			rejects: []reject{{2, "care_end", "is not"}, {4, "child_id", "duplicate child_id: row 3 has the same key"}},
		},
		{
			name:    "a parent of two children is two rows; the same parent and child twice is a duplicate",
			table:   "admin_guardians",
			content: "guardian_id;child_id;name\nO1;K1;Anna\nO1;K2;Anna\nO2;K1;Bert\nO1;K1;Anna\n",
			query:   "SELECT guardian_id, child_id FROM admin_guardians ORDER BY _row",
			want:    [][]string{{"O1", "K1"}, {"O1", "K2"}, {"O2", "K1"}},
			rejects: []reject{{5, "guardian_id", "duplicate guardian_id+child_id: row 2 has the same key"}},
		},
		{
			name:    "required value blank",
			table:   "portal_consents",
			content: "portal_child_id,consent_type,granted\nP1,photo_portal,\nP2,photo_portal,nee\n",
			query:   "SELECT portal_child_id, granted::VARCHAR FROM portal_consents ORDER BY _row",
			want:    [][]string{{"P2", "false"}},
			rejects: []reject{{2, "granted", "granted is blank; every row needs it (ja or nee)"}},
		},
		{
			name:    "BSN in a reason is masked",
			content: "child_id;first_name;care_end\nK1;Anna;123456782\n",
			rejects: []reject{{2, "care_end", `"*****6782" is not`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			table := tt.table
			if table == "" {
				table = "admin_children"
			}
			system := strings.SplitN(table, "_", 2)[0]
			writeFile(t, dir, "manifest.yaml", "version: 1\norganisation: x\nsystems:\n  "+system+":\n    product: P\n    files:\n      - {file: f.csv, table: "+table+"}\n")
			content := tt.content
			if rest, ok := strings.CutPrefix(content, "UTF16:"); ok {
				content = utf16LE(t, rest)
			}
			writeFile(t, dir, "f.csv", content)
			db := openDB(t)
			res, err := loadDir(t, db, dir)
			if err != nil {
				t.Fatal(err)
			}
			q := tt.query
			if q == "" {
				q = "SELECT child_id, first_name FROM admin_children ORDER BY _row"
			}
			if diff := cmp.Diff(tt.want, query(t, db, q)); diff != "" {
				t.Errorf("loaded (-want +got):\n%s", diff)
			}
			if len(res.Rejects) != len(tt.rejects) {
				t.Fatalf("rejects = %+v, want %d", res.Rejects, len(tt.rejects))
			}
			checkDutchReasons(t, res.Rejects)
			for i, w := range tt.rejects {
				g := res.Rejects[i]
				if g.File != "f.csv" || g.Row != w.Row || g.Column != w.Column || !strings.Contains(g.Reason.EN, w.Reason) {
					t.Errorf("reject %d = %+v, want row %d column %q reason containing %q", i, g, w.Row, w.Column, w.Reason)
				}
				if strings.Contains(g.Reason.EN+g.Reason.NL+g.Value, "123456782") {
					t.Errorf("reject %d shows a BSN: %+v", i, g)
				}
			}
			in := res.Inputs[0]
			if in.RowsRead != in.RowsLoaded+in.RowsRejected {
				t.Errorf("rows read %d != loaded %d + rejected %d", in.RowsRead, in.RowsLoaded, in.RowsRejected)
			}
		})
	}
}

// TestManyRows loads more rows than one batch handed from the parser to the
// appender, with rejects and duplicate keys spread over the batches: every
// row is loaded with its own line number or rejected, in order.
func TestManyRows(t *testing.T) {
	const n = 5000
	var sb strings.Builder
	sb.WriteString("child_id;first_name;care_end\n")
	wantLoaded, wantRejects := 0, 0
	for i := 0; i < n; i++ {
		line := i + 2
		switch {
		case i%7 == 3:
			fmt.Fprintf(&sb, "K%d;Kind %d;31-02-2025\n", i, line) // no such date
			wantRejects++
		case i%1000 == 999:
			fmt.Fprintf(&sb, "K%d;Kind %d;\n", i-1, line) // the key of the row before
			if (i-1)%7 == 3 {
				wantLoaded++ // that row was rejected, so its key was not seen
			} else {
				wantRejects++
			}
		default:
			fmt.Fprintf(&sb, "K%d;Kind %d;\n", i, line)
			wantLoaded++
		}
	}
	db, res := loadChildrenCSV(t, sb.String())
	in := res.Inputs[0]
	if in.RowsRead != n || in.RowsLoaded != wantLoaded || in.RowsRejected != wantRejects || len(res.Rejects) != wantRejects {
		t.Fatalf("read/loaded/rejected = %d/%d/%d (%d rejects), want %d/%d/%d", in.RowsRead, in.RowsLoaded, in.RowsRejected, len(res.Rejects), n, wantLoaded, wantRejects)
	}
	if bad := query(t, db, "SELECT count(*) FROM admin_children WHERE first_name <> 'Kind ' || _row"); bad[0][0] != "0" {
		t.Errorf("%s rows stored with another row's line number", bad[0][0])
	}
	for i := 1; i < len(res.Rejects); i++ {
		if res.Rejects[i].Row <= res.Rejects[i-1].Row {
			t.Fatalf("rejects out of order: %+v before %+v", res.Rejects[i-1], res.Rejects[i])
		}
	}
}
