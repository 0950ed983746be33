package ingest_test

import (
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/results"
)

// TestRejectReasonsDutch loads one export per way a row can be rejected and
// checks the reason: in plain Dutch (the exact text, or its start where it
// lists the allowed values), in English, the two different, BSNs masked in
// both, and both in the _rejects table.
func TestRejectReasonsDutch(t *testing.T) {
	tests := []struct {
		name    string
		table   string // admin_children unless set
		content string
		row     int
		column  string
		want    string // the Dutch reason, or its start when it ends in "…"
	}{
		{name: "not a date", content: "child_id;first_name;care_end\nK1;Anna;morgen\n", row: 2, column: "care_end",
			want: `"morgen" is geen datum; schrijf de datum als 31-12-2025 of 2025-12-31`},
		{name: "date that does not exist", content: "child_id;first_name;care_end\nK1;Anna;31-02-2025\n", row: 2, column: "care_end",
			want: `"31-02-2025" is geen bestaande datum: februari 2025 heeft 28 dagen`},
		{name: "month and day swapped", content: "child_id;first_name;care_end\nK1;Anna;12-31-2025\n", row: 2, column: "care_end",
			want: `"12-31-2025" heeft geen maand van 1 tot en met 12; zet de dag vóór de maand (31-12-2025) of schrijf het jaar eerst (2025-12-31)`},
		{name: "BSN too short, masked", content: "child_id;first_name;care_end;bsn\nK1;Anna;;1234567\n", row: 2, column: "bsn",
			want: `"*****4567" is geen BSN: een BSN bestaat uit 9 cijfers`},
		{name: "BSN in another column, masked", content: "child_id;first_name;care_end\nK1;Anna;123456782\n", row: 2, column: "care_end",
			want: `"*****6782" is geen datum; schrijf de datum als 31-12-2025 of 2025-12-31`},
		// Issue 12: a value is masked by what it looks like, not only by
		// its column.
		{name: "e-mail in a date column, masked", content: "child_id;first_name;care_end\nK1;Anna;wilhelmina.zonderland@example.nl\n", row: 2, column: "care_end",
			want: `"w***@***.nl" is geen datum; schrijf de datum als 31-12-2025 of 2025-12-31`},
		{name: "IBAN in a date column, masked", content: "child_id;first_name;care_end\nK1;Anna;NL91 ABNA 0417 1643 00\n", row: 2, column: "care_end",
			want: `"NL91**********00" is geen datum; schrijf de datum als 31-12-2025 of 2025-12-31`},
		{name: "phone in a date column, masked", content: "child_id;first_name;care_end\nK1;Anna;+31 6 36026322\n", row: 2, column: "care_end",
			want: `"+3******22" is geen datum; schrijf de datum als 31-12-2025 of 2025-12-31`},
		{name: "name in a date column, masked", content: "child_id;first_name;care_end\nK1;Anna;Wilhelmina Zonderland\n", row: 2, column: "care_end",
			want: `"W. Z." is geen datum; schrijf de datum als 31-12-2025 of 2025-12-31`},
		{name: "name in the BSN column, masked", content: "child_id;first_name;care_end;bsn\nK1;Anna;;de Vries\n", row: 2, column: "bsn",
			want: `"d. V." is geen BSN: een BSN bestaat uit 9 cijfers`},
		{name: "key blank", content: "child_id;first_name;care_end\n;Anna;\n", row: 2, column: "child_id",
			want: `child_id is leeg; deze kolom moet in elke rij ingevuld zijn`},
		{name: "duplicate key", content: "child_id;first_name;care_end\nK1;Anna;\nK1;Bram;\n", row: 3, column: "child_id",
			want: `dubbele child_id: rij 2 heeft dezelfde waarde; elk record mag maar één keer in een export staan`},
		{name: "row ends early", content: "child_id;first_name;care_end\nK1;Anna\n", row: 2, column: "care_end",
			want: `de rij houdt op na 2 cellen, vóór deze kolom (de kopregel heeft 3 kolommen); waarschijnlijk staat in een waarde een regelovergang (Enter) zonder aanhalingstekens om de waarde heen`},
		{name: "more cells than the header", content: "child_id;first_name;care_end\nK1;Anna;;x\nK2;Bram;\nK3;Cas;\n", row: 2,
			want: `de rij heeft 1 gevulde cel meer dan er kolommen in de kopregel staan; waarschijnlijk staat in een waarde het scheidingsteken zonder aanhalingstekens om de waarde heen`},
		{name: "quote not closed", content: "child_id;care_end;first_name\nK1;;\"Anna\nK2;;Bram\n", row: 2,
			want: `een aanhalingsteken (") in deze rij is niet goed afgesloten; zet de hele waarde tussen aanhalingstekens en schrijf elk aanhalingsteken in de waarde dubbel (""); de regels 2 tot en met 3 konden niet worden gelezen`},
		{name: "totals row", content: "child_id;first_name;care_end\nK1;Anna;\nTotaal;1;\n", row: 3,
			want: `"Totaal" begint een totaalregel, geen record, en wordt daarom niet ingelezen; haal de regel uit de export om deze melding te voorkomen`},
		{name: "not ja or nee", table: "portal_consents", content: "portal_child_id;consent_type;granted\nP1;photo_portal;misschien\n", row: 2, column: "granted",
			want: `"misschien" is geen ja of nee; vul ja of nee in (ook goed: yes/no, true/false, 1/0, x)`},
		{name: "ja or nee blank", table: "portal_consents", content: "portal_child_id;consent_type;granted\nP1;photo_portal;\n", row: 2, column: "granted",
			want: `granted is leeg; deze kolom moet in elke rij ingevuld zijn (ja of nee)`},
		{name: "value not in the list", table: "portal_consents", content: "portal_child_id;consent_type;granted\nP1;Foto's website;ja\n", row: 2, column: "consent_type",
			want: `"Foto's website" is geen toegestane waarde (photo_portal, …`},
		{name: "value of the list blank", table: "portal_consents", content: "portal_child_id;consent_type;granted\nP1;;ja\n", row: 2, column: "consent_type",
			want: `consent_type is leeg; deze kolom moet in elke rij ingevuld zijn (een van: photo_portal, …`},
		{name: "not a date and time", table: "portal_consents", content: "portal_child_id;consent_type;granted;recorded_at\nP1;photo_portal;ja;gisteren\n", row: 2, column: "recorded_at",
			want: `"gisteren" is geen datum met tijd; schrijf bijvoorbeeld 31-12-2025 14:05 of 2025-12-31T14:05:00`},
		{name: "not an amount", table: "admin_invoices", content: "invoice_id;invoice_date;amount\nF1;01-01-2025;12a\n", row: 2, column: "amount",
			want: `"12a" is geen bedrag; schrijf bijvoorbeeld 1234,56 of € 1.234,56`},
		{name: "amount too large", table: "admin_invoices", content: "invoice_id;invoice_date;amount\nF1;01-01-2025;20000000000000000\n", row: 2, column: "amount",
			want: `"20000000000000000" is een te groot bedrag; een bedrag moet onder 10.000.000.000.000.000 euro blijven`},
		{name: "required date blank", table: "admin_invoices", content: "invoice_id;invoice_date;amount\nF1;;12\n", row: 2, column: "invoice_date",
			want: `invoice_date is leeg; deze kolom moet in elke rij ingevuld zijn (een datum zoals 31-12-2025)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table := tt.table
			if table == "" {
				table = "admin_children"
			}
			db, res := loadCSV(t, table, tt.content)
			checkDutchReasons(t, res.Rejects)
			checkRejectsTable(t, db, res.Rejects)
			if len(res.Rejects) != 1 {
				t.Fatalf("rejects = %+v, want one", res.Rejects)
			}
			r := res.Rejects[0]
			if r.Row != tt.row || r.Column != tt.column {
				t.Errorf("reject at row %d column %q, want row %d column %q", r.Row, r.Column, tt.row, tt.column)
			}
			if start, cut := strings.CutSuffix(tt.want, "…"); cut && !strings.HasPrefix(r.Reason.NL, start) || !cut && r.Reason.NL != tt.want {
				t.Errorf("Dutch reason:\n got %q\nwant %q", r.Reason.NL, tt.want)
			}
			for _, secret := range []string{"123456782", "zonderland", "Zonderland", "0417", "36026322", "Vries"} {
				if strings.Contains(r.Reason.NL+r.Reason.EN+r.Value, secret) {
					t.Errorf("the reject shows %q: %+v", secret, r)
				}
			}
		})
	}
}

// checkDutchReasons fails for a reject without a Dutch and an English
// reason, or with the same text in both.
func checkDutchReasons(t *testing.T, rejects []results.Reject) {
	t.Helper()
	for _, r := range rejects {
		if r.Reason.NL == "" || r.Reason.EN == "" || r.Reason.NL == r.Reason.EN {
			t.Errorf("row %d column %q: want a Dutch reason that differs from the English, got NL %q, EN %q", r.Row, r.Column, r.Reason.NL, r.Reason.EN)
		}
	}
}

// checkRejectsTable compares the rejects table with the rejects of a load
// that kept them all: the same rows, the English reason in reason and the
// Dutch one in reason_nl.
func checkRejectsTable(t *testing.T, db *sql.DB, rejects []results.Reject) {
	t.Helper()
	var want [][]string
	for _, r := range rejects {
		want = append(want, []string{r.File, r.Sheet, strconv.Itoa(r.Row), r.Column, r.Value, r.Reason.EN, r.Reason.NL})
	}
	slices.SortFunc(want, func(a, b []string) int { return slices.Compare(a, b) })
	got := query(t, db, "SELECT file, coalesce(sheet, ''), row, coalesce(column_name, ''), coalesce(value, ''), reason, reason_nl FROM _rejects")
	slices.SortFunc(got, func(a, b []string) int { return slices.Compare(a, b) })
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("_rejects (-want +got):\n%s", diff)
	}
}
