package spotcheck

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// readRun reads the results fixture: two checks with findings and one
// that did not run.
func readRun(t *testing.T) *results.Run {
	t.Helper()
	f, err := os.Open("testdata/run.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run, err := results.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return run
}

// where is a record's source and key, to compare records in tests.
func where(r Record) string {
	return r.File + "|" + strconv.Itoa(r.Row) + "|" + r.Key
}

func TestSampleFromFindingsOfOneCheck(t *testing.T) {
	run := readRun(t)
	tests := []struct {
		check       string
		size        int
		wantPop     int
		wantConsent bool
		wantColumns []string
		wantAll     bool
	}{
		{"photo_without_consent", 2, 3, true, []string{"Bevinding", "Geplaatst op", "Groep"}, false},
		{"retention_admin", 25, 2, false, []string{"Bevinding", "Einde opvang"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.check, func(t *testing.T) {
			s, err := FromFindings(run, tt.check, tt.size, 11)
			if err != nil {
				t.Fatal(err)
			}
			if s.Kind != KindCheck || s.Name != tt.check || s.Population != tt.wantPop || s.Consent != tt.wantConsent || s.All() != tt.wantAll {
				t.Errorf("got kind %s name %s population %d consent %v all %v", s.Kind, s.Name, s.Population, s.Consent, s.All())
			}
			var headings []string
			for _, c := range s.Columns {
				headings = append(headings, c.NL)
			}
			if diff := cmp.Diff(tt.wantColumns, headings); diff != "" {
				t.Errorf("columns (-want +got):\n%s", diff)
			}
			c := run.Checks[checkIndex(t, run, tt.check)]
			picks := Draw(len(c.Findings), tt.size, 11)
			if len(s.Records) != len(picks) {
				t.Fatalf("%d records, want %d", len(s.Records), len(picks))
			}
			for i, p := range picks {
				f, r := c.Findings[p], s.Records[i]
				if r.Key != f.RecordKey || r.File != f.File || r.Row != f.Row || r.System != f.System || r.Table != f.Table {
					t.Errorf("record %d is %+v, want finding %+v", i, r, f)
				}
				if len(r.Values) != len(s.Columns) || r.Values[0] != f.Message || r.Values[1].NL != f.Values[0] {
					t.Errorf("record %d says %v, want the message and values of %+v", i, r.Values, f)
				}
			}
		})
	}
}

func checkIndex(t *testing.T, run *results.Run, id string) int {
	t.Helper()
	for i, c := range run.Checks {
		if c.ID == id {
			return i
		}
	}
	t.Fatalf("no check %s in the fixture", id)
	return -1
}

func TestSampleFromFindingsErrors(t *testing.T) {
	run := readRun(t)
	for check, want := range map[string]string{
		"request_overdue": "check request_overdue did not run: no data for requests",
		"dpia_missing":    "check dpia_missing was not run",
	} {
		if _, err := FromFindings(run, check, 5, 1); err == nil || err.Error() != want {
			t.Errorf("FromFindings(%s): error %v, want %q", check, err, want)
		}
	}
}

// TestFromFindingsOfAllChecks puts the findings of all checks in one
// order (file, row, key) before the draw.
func TestSampleFromFindingsOfAllChecks(t *testing.T) {
	s, err := FromFindings(readRun(t), "", 10, 3)
	if err != nil {
		t.Fatal(err)
	}
	population := []string{
		"kidsadmin/kinderen.csv|4|K2", "kidsadmin/kinderen.csv|7|K5",
		"konnect/export.xlsx [Foto's]|3|F1/P1", "konnect/export.xlsx [Foto's]|5|F2/P1", "konnect/export.xlsx [Foto's]|9|F3/P2",
	}
	if s.Kind != KindFindings || s.Population != len(population) || !s.All() || !s.Consent {
		t.Errorf("got kind %s population %d all %v consent %v", s.Kind, s.Population, s.All(), s.Consent)
	}
	var want, got []string
	for _, p := range Draw(len(population), 10, 3) {
		want = append(want, population[p])
	}
	for _, r := range s.Records {
		got = append(got, where(r))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	for _, r := range s.Records {
		if r.Key != "F2/P1" {
			continue
		}
		wantValues := []results.Text{
			{NL: "Foto zonder toestemming (photo_without_consent)", EN: "Photo without consent (photo_without_consent)"},
			{NL: "Foto zonder toestemming", EN: "Photo without consent"},
			{NL: "Geplaatst op: 2026-03-02 10:00", EN: "Posted at: 2026-03-02 10:00"}, // the empty group is left out
		}
		if diff := cmp.Diff(wantValues, r.Values); diff != "" {
			t.Errorf("values of F2/P1 (-want +got):\n%s", diff)
		}
	}
}

// loadFixture loads testdata/org into DuckDB and calls fn with the open
// database, as avgaudit sample --table does.
func loadFixture(t *testing.T, fn func(ctx context.Context, conn *sql.Conn) error) *results.Run {
	t.Helper()
	run, err := audit.Audit(context.Background(), audit.Options{
		Source: os.DirFS("testdata/org"), Dir: ".", Checks: []queries.Check{}, Inspect: fn,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	return run
}

// tableSample draws size rows of the table from testdata/org.
func tableSample(t *testing.T, table string, size int, seed uint64) (*Sample, *results.Run) {
	t.Helper()
	var s *Sample
	run := loadFixture(t, func(ctx context.Context, conn *sql.Conn) (err error) {
		s, err = FromTable(ctx, conn, table, size, seed)
		return err
	})
	return s, run
}

// TestFromTable draws rows of admin_children from two exports: the rows
// are ordered by file and row, only the drawn ones are read, BSNs are
// masked and the column no export fills is left out.
func TestSampleFromTable(t *testing.T) {
	population := []string{
		"kinderen.csv|2|K05", "kinderen.csv|3|K02", "kinderen.csv|4|K09", "kinderen.csv|5|K01",
		"oud/kinderen-2024.csv|2|K07", "oud/kinderen-2024.csv|3|K03",
	}
	for _, size := range []int{1, 4, 6, 50} {
		s, _ := tableSample(t, "admin_children", size, 99)
		var want, got []string
		for _, p := range Draw(len(population), size, 99) {
			want = append(want, population[p])
		}
		for _, r := range s.Records {
			got = append(got, where(r))
			if r.System != "admin" || r.Table != "admin_children" {
				t.Errorf("record %s: system %s table %s", where(r), r.System, r.Table)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("size %d: records (-want +got):\n%s", size, diff)
		}
		if s.Population != len(population) || s.All() != (size >= len(population)) || s.Consent {
			t.Errorf("size %d: population %d, all %v, consent %v", size, s.Population, s.All(), s.Consent)
		}
	}

	s, _ := tableSample(t, "admin_children", 6, 1)
	var headings []string
	for _, c := range s.Columns {
		headings = append(headings, c.NL+"/"+c.EN)
	}
	wantHeadings := []string{"Kindnummer/Child ID", "Voornaam/First name", "Achternaam/Last name", "Geboortedatum/Birth date",
		"BSN/BSN", "Adres/Address", "Startdatum opvang/Care start", "Einddatum opvang/Care end"}
	if diff := cmp.Diff(wantHeadings, headings); diff != "" {
		t.Errorf("columns (-want +got; city is empty in every export):\n%s", diff)
	}
	for _, r := range s.Records {
		if r.Key != "K02" {
			continue
		}
		want := []results.Text{
			{NL: "K02", EN: "K02"}, {NL: "Bram", EN: "Bram"}, {NL: "Jansen", EN: "Jansen"},
			{NL: "15-11-2022", EN: "2022-11-15"}, {NL: "*****2193", EN: "*****2193"},
			{NL: "BSN *****3077 zie dossier", EN: "BSN *****3077 zie dossier"},
			{NL: "01-01-2023", EN: "2023-01-01"}, {NL: "31-07-2026", EN: "2026-07-31"},
		}
		if diff := cmp.Diff(want, r.Values); diff != "" {
			t.Errorf("values of K02 (-want +got):\n%s", diff)
		}
	}
}

func TestSampleFromTableEmptyAndUnknown(t *testing.T) {
	var s *Sample
	var unknown error
	loadFixture(t, func(ctx context.Context, conn *sql.Conn) (err error) {
		if s, err = FromTable(ctx, conn, "portal_consents", 5, 1); err != nil {
			return err
		}
		_, unknown = FromTable(ctx, conn, "kinderen", 5, 1)
		return nil
	})
	if s.Population != 0 || len(s.Records) != 0 || !s.Consent {
		t.Errorf("portal_consents without an export: population %d, %d records, consent %v", s.Population, len(s.Records), s.Consent)
	}
	if unknown == nil || !strings.Contains(unknown.Error(), `no canonical table "kinderen"`) {
		t.Errorf("unknown table: %v", unknown)
	}
}

func TestSampleRecordKeyColumns(t *testing.T) {
	for table, want := range map[string]string{
		"admin_children":  "child_id",
		"portal_photos":   "photo_id/portal_child_id",
		"portal_consents": "portal_child_id/consent_type",
		"accounts":        "system/username",
	} {
		tb, _ := model.Lookup(table)
		if got := strings.Join(recordKeyColumns(tb), "/"); got != want {
			t.Errorf("%s: key columns %s, want %s", table, got, want)
		}
	}
}

func TestSampleCellText(t *testing.T) {
	tests := []struct {
		typ      model.Type
		in       string
		null     bool
		nl, en   string
		testName string
	}{
		{model.Text, "", true, "", "", "null"},
		{model.Text, "Lindelaan 1", false, "Lindelaan 1", "Lindelaan 1", "text"},
		{model.Text, "zie 123456782", false, "zie *****6782", "zie *****6782", "BSN in text"},
		{model.BSN, "123456782", false, "*****6782", "*****6782", "BSN"},
		{model.Date, "2026-09-01", false, "01-09-2026", "2026-09-01", "date"},
		{model.Timestamp, "2026-09-01 14:05:00", false, "01-09-2026 14:05", "2026-09-01 14:05", "timestamp"},
		{model.Timestamp, "2026-09-01 14:05:00.5", false, "01-09-2026 14:05", "2026-09-01 14:05", "timestamp with fraction"},
		{model.Bool, "true", false, "ja", "yes", "true"},
		{model.Bool, "false", false, "nee", "no", "false"},
		{model.Decimal, "1234.50", false, "1234,50", "1234.50", "decimal"},
		{model.Enum, "photo_portal", false, "photo_portal", "photo_portal", "enum"},
	}
	for _, tt := range tests {
		t.Run(tt.testName, func(t *testing.T) {
			got := cellText(model.Column{Name: "c", Type: tt.typ}, sql.NullString{String: tt.in, Valid: !tt.null})
			if got != (results.Text{NL: tt.nl, EN: tt.en}) {
				t.Errorf("cellText(%s %q) = %+v, want %q / %q", tt.typ, tt.in, got, tt.nl, tt.en)
			}
		})
	}
}
