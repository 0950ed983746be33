package acceptance_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/acceptance"
)

var known = acceptance.Known([]string{"photo_without_consent", "retention_admin", "request_overdue"})

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestReadFile(t *testing.T) {
	got, err := acceptance.ReadFile(filepath.Join("testdata", "geaccepteerde-risicos.yaml"), known)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("testdata", "geaccepteerde-risicos.yaml")
	want := []acceptance.Entry{
		{Source: src + ":3", CheckID: "photo_without_consent", RecordKey: "F0012/*",
			Justification: "Groepsfoto's van het zomerfeest 2026; de ouders zijn mondeling geïnformeerd en de schriftelijke toestemming wordt in het najaar opgevraagd.",
			LegalBasis:    "AVG art. 6 lid 1 sub a (toestemming)", ApprovedBy: "Functionaris gegevensbescherming",
			ApprovedOn: date("2026-03-15"), ExpiresOn: date("2027-03-15")},
		{Source: src + ":11", CheckID: "retention_admin", RecordKey: "*",
			Justification: "Lopende procedure bij de Geschillencommissie; de dossiers blijven tot de uitspraak bewaard.",
			ApprovedBy:    "Directeur-bestuurder", ApprovedOn: date("2026-01-15"), ExpiresOn: date("2026-12-31")},
		{Source: src + ":18", CheckID: "request_overdue", RecordKey: "V2026-00?",
			Justification: "Verlengd met twee maanden (AVG art. 12 lid 3); de ouder is daarover binnen de maand geïnformeerd.",
			LegalBasis:    "AVG art. 12 lid 3", ApprovedBy: "Functionaris gegevensbescherming",
			ApprovedOn: date("2026-08-01"), ExpiresOn: date("2026-10-01")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

// TestParseEntryErrors checks every message for a register in which each
// entry has mistakes: all are reported, in file order, each with its line
// and entry number and what to write instead.
func TestParseEntryErrors(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "fouten.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := acceptance.Parse("geaccepteerde-risicos.yaml", data, known)
	var regErr *acceptance.Error
	if !errors.As(err, &regErr) {
		t.Fatalf("got %v, want an *acceptance.Error", err)
	}
	want := []string{
		`geaccepteerde-risicos.yaml:8: entry 1: expires_on "31-02-2026" is not a date; write it as 2026-02-28`,
		`geaccepteerde-risicos.yaml:10: entry 2: check "photo_without_consnet" does not exist (did you mean "photo_without_consent"?); ` + "`avgaudit checks` lists the check ids",
		`geaccepteerde-risicos.yaml:20: entry 3: it expires on 2026-01-01, before it was approved on 2027-01-01; are the two dates swapped?`,
		`geaccepteerde-risicos.yaml:22: entry 4: justification is missing: why the risk is accepted`,
		`geaccepteerde-risicos.yaml:23: entry 4: unknown key "justificatie"; the keys of an entry are check, record, justification, legal_basis, approved_by, approved_on, expires_on`,
		`geaccepteerde-risicos.yaml:28: entry 5: approved_by is missing: who approved it: a role or a name`,
		`geaccepteerde-risicos.yaml:29: entry 5: justification is missing: why the risk is accepted`,
		`geaccepteerde-risicos.yaml:30: entry 5: approved_on "2026-13-01" is not a date: the month must be 1 to 12; write it as YYYY-MM-DD, e.g. 2027-03-15`,
		`geaccepteerde-risicos.yaml:31: entry 5: expires_on "morgen" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-15`,
		`geaccepteerde-risicos.yaml:34: entry 6: record must be a single value, not a list or a set of keys`,
		`geaccepteerde-risicos.yaml:37: entry 6: approved_by is given twice (also on line 36); keep one`,
		`geaccepteerde-risicos.yaml:41: entry 7: must be a set of keys (check, record, justification, legal_basis, approved_by, approved_on, expires_on), not "photo_without_consent"`,
	}
	var got []string
	for _, p := range regErr.Problems {
		got = append(got, p.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(err.Error(), "the accepted-risk register has 12 errors (see docs/accepted-risks.md):\n"+want[0]+"\n") {
		t.Errorf("message starts %q", err.Error()[:120])
	}
	if len(entries) != 0 {
		t.Errorf("entries with a problem were returned: %+v", entries)
	}
}

// TestParseStructure checks files that are not a list of entries.
func TestParseStructure(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       string // the whole message; "" = no error
		entries    int
	}{
		{"empty file", "", "", 0},
		{"only comments", "# nog niets geaccepteerd\n", "", 0},
		{"empty list", "accepted_risks: []\n", "", 0},
		{"no value", "accepted_risks:\n", "", 0},
		{"not YAML", "accepted_risks: [\n", "r.yaml: not valid YAML: yaml: line 1: did not find expected node content", 0},
		{"unquoted star", "accepted_risks:\n  - check: retention_admin\n    record: *\n", "r.yaml:3: not valid YAML: a value that starts with * or ? must be in quotes, e.g. record: \"*\"", 0},
		{"a list at the top", "- check: retention_admin\n", "r.yaml:1: the register must start with `accepted_risks:` followed by a list of entries", 0},
		{"other top key", "geaccepteerde_risicos: []\n", "r.yaml:1: unknown key \"geaccepteerde_risicos\"; the register has one key at the top: accepted_risks", 0},
		{"not a list", "accepted_risks:\n  check: retention_admin\n", "r.yaml:2: accepted_risks: must be a list of entries, each starting with `- check: ...`", 0},
		{"one good, one bad", "accepted_risks:\n  - {check: retention_admin, justification: j, approved_by: FG, approved_on: 2026-01-01, expires_on: 2026-12-31}\n  - {check: retention_admin}\n",
			"r.yaml:3: entry 2: justification is missing: why the risk is accepted", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, err := acceptance.Parse("r.yaml", []byte(tt.yaml), known)
			if tt.want == "" {
				if err != nil || len(entries) != tt.entries {
					t.Fatalf("got %d entries, %v", len(entries), err)
				}
				return
			}
			var regErr *acceptance.Error
			if !errors.As(err, &regErr) {
				t.Fatalf("got %v, want an *acceptance.Error", err)
			}
			if got := regErr.Problems[0].Error(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if len(entries) != tt.entries {
				t.Errorf("got %d entries, want %d", len(entries), tt.entries)
			}
		})
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := acceptance.ReadFile(filepath.Join("testdata", "bestaat-niet.yaml"), known)
	if err == nil || !strings.Contains(err.Error(), "read accepted-risk register: open testdata/bestaat-niet.yaml") {
		t.Errorf("got %v", err)
	}
}
