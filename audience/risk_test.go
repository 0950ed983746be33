package audience_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/samples"
	"github.com/avgaudit/avgaudit/values"
)

var (
	sampleOnce sync.Once
	sample     *results.Run
	sampleErr  error
)

// sampleRun audits the built-in sample organisation once for all tests;
// tests must not change it.
func sampleRun(t *testing.T) *results.Run {
	t.Helper()
	sampleOnce.Do(func() {
		org, err := fs.Sub(samples.Org, "org")
		if err != nil {
			sampleErr = err
			return
		}
		run, err := audit.Audit(context.Background(), audit.Options{Source: org, Dir: ".", Today: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			sampleErr = err
			return
		}
		// In memory, as the tests compare it whole.
		sample = run.Flat()
		sampleErr = run.Close()
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sample
}

func samplePseudonymiser(t *testing.T) *pseudonym.Pseudonymiser {
	t.Helper()
	p, err := pseudonym.New(pseudonym.SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func marshal(t *testing.T, run *results.Run) string {
	t.Helper()
	b, err := json.Marshal(run)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRiskSampleHasNoPersonalData checks that no name, e-mail address,
// IBAN, date of birth, BSN or person id of the sample is left in the JSON
// of its risk copy, while the FG copy keeps them.
func TestRiskSampleHasNoPersonalData(t *testing.T) {
	run := sampleRun(t)
	before := marshal(t, run)
	risk := audience.RunOf(audience.Risk(run, samplePseudonymiser(t)))
	if marshal(t, run) != before {
		t.Fatal("Risk changed the run it was given")
	}
	for i, leak := range personalData(t, run.Identifiers, risk) {
		if i < 20 {
			t.Errorf("in the risk copy: %s", leak)
		}
	}
	if risk.Audience != results.AudienceRisk || risk.Pseudonymisation == nil || risk.Pseudonymisation.Method != pseudonym.Method || risk.Identifiers != nil {
		t.Errorf("audience %q, pseudonymisation %+v, %d identifiers", risk.Audience, risk.Pseudonymisation, len(risk.Identifiers))
	}

	fg := audience.RunOf(audience.FG(run))
	if fg.Audience != results.AudienceFG || fg.Pseudonymisation != nil {
		t.Errorf("FG copy: audience %q, pseudonymisation %+v", fg.Audience, fg.Pseudonymisation)
	}
	if n := len(personalData(t, run.Identifiers, fg)); n < 50 {
		t.Errorf("only %d identifiers found in the FG copy; is the test still looking?", n)
	}
	fg.Audience = run.Audience
	if diff := cmp.Diff(run, fg); diff != "" {
		t.Errorf("FG copy differs from the run (-run +fg):\n%s", diff)
	}
}

// personalData lists the identifiers found as whole words in the strings
// of run's JSON (ordinary words that are also names only as written).
func personalData(t *testing.T, ids []results.Identifier, run *results.Run) []string {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(marshal(t, run)), &doc); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder // the JSON's strings, unescaped
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			text.WriteString(x + "\n")
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	words := " " + strings.ToLower(strings.Join(words_(text.String()), " ")) + " "
	var found []string
	for _, id := range ids {
		if id.Kind == "name" && audience.IsOrdinaryWord(id.Value) {
			continue
		}
		needle := " " + strings.ToLower(strings.Join(words_(id.Value), " ")) + " "
		for from := 0; ; {
			i := strings.Index(words[from:], needle)
			if i < 0 {
				break
			}
			i += from
			from = i + 1
			// A date equal to a date of birth is one only where the text
			// speaks of a birth: an agreement signed that day keeps it.
			if id.Kind == "birth_date" && !birthBefore(words[:i]) {
				continue
			}
			found = append(found, id.Kind+" "+id.Value+": …"+words[max(i-60, 0):min(i+len(needle)+60, len(words))]+"…")
			break
		}
	}
	return found
}

// TestRiskPseudonyms checks that record keys become the pseudonyms of
// their table and key, the same in every copy made with the same key, and
// that finding keys stay unique.
func TestRiskPseudonyms(t *testing.T) {
	run := sampleRun(t)
	p := samplePseudonymiser(t)
	a, b := audience.RunOf(audience.Risk(run, p)), audience.RunOf(audience.Risk(run, p))
	if marshal(t, a) != marshal(t, b) {
		t.Error("two risk copies of one run with one key differ")
	}
	other, err := pseudonym.New([]byte("another key of at least 16 bytes"))
	if err != nil {
		t.Fatal(err)
	}
	c := audience.RunOf(audience.Risk(run, other))
	n := 0
	for i, chk := range run.Checks {
		keys := map[string]bool{}
		for j, f := range chk.Findings {
			g := a.Checks[i].Findings[j]
			if want := p.Of(f.Table, f.RecordKey); g.RecordKey != want {
				t.Errorf("%s: record key %q, want %q", f.Key, g.RecordKey, want)
			}
			if !strings.HasPrefix(g.Key, chk.ID+"|"+f.Table+"|"+g.RecordKey) || strings.Contains(g.Key, f.RecordKey) {
				t.Errorf("%s: key %q", f.Key, g.Key)
			}
			if keys[g.Key] {
				t.Errorf("key %q twice", g.Key)
			}
			keys[g.Key] = true
			if c.Checks[i].Findings[j].RecordKey == g.RecordKey {
				t.Errorf("%s: the same pseudonym under another key", f.Key)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("the sample has no findings")
	}
}

// TestRiskTexts checks the parts of a run outside the findings: rejects,
// the accepted-risk register, resolved findings, inputs and failures.
func TestRiskTexts(t *testing.T) {
	p := samplePseudonymiser(t)
	run := &results.Run{
		Identifiers: []results.Identifier{{Value: "Anna de Vries", Kind: "name"}, {Value: "K0001", Kind: "id"}},
		Inputs:      []results.Input{{File: "export Anna de Vries.csv", SkippedColumns: []string{"Notitie"}}},
		Rejects: []results.Reject{
			{File: "ouders.csv", Row: 3, Column: "Naam", Value: "Piet Puk", Reason: results.Text{NL: `"Piet Puk" is te lang`, EN: `value Piet Puk is too long`}},
			{File: "ouders.csv", Row: 4, Column: "Email", Value: "", Reason: results.Text{NL: "leeg", EN: "empty"}},
		},
		Acceptances: []results.Acceptance{
			{ID: "A1", CheckID: "c", RecordKey: "K0001", Justification: "Anna de Vries weet ervan", ApprovedBy: "Anna de Vries"},
			{ID: "A2", CheckID: "c", RecordKey: "K0001/*", Justification: "alle foto's"},
			{ID: "A3", CheckID: "c", RecordKey: "K0002", Justification: "komt niet meer voor"},
		},
		Checks: []results.Check{{
			ID: "c", Reason: &results.Text{NL: "fout bij K0001", EN: "error at K0001"},
			Findings: []results.Finding{{Key: "c|t|K0001", Table: "t", RecordKey: "K0001", File: "a.csv", Message: results.Text{NL: "kind K0001 van Anna de Vries", EN: "child K0001 of Anna de Vries"}, Values: []string{"Anna de Vries", "2026-01-01"}}},
			Resolved: []results.Finding{{Key: "c|t|K0009", Table: "t", RecordKey: "K0009", Message: results.Text{NL: "kind van Jan", EN: "child of Jan"}, Values: []string{"Jan Klaassen"}}},
		}},
		Previous: &results.PreviousRun{File: "resultaten Anna de Vries.json"},
	}
	got := audience.RunOf(audience.Risk(run, p))
	want := run.Clone()
	want.Audience = "risk"
	want.Pseudonymisation = &results.Pseudonymisation{Method: "HMAC-SHA256", KeyID: p.KeyID()}
	want.Identifiers = nil
	want.Inputs[0].File = "export [naam].csv"
	want.Rejects[0].Value = "[verwijderd]"
	want.Rejects[0].Reason = results.Text{NL: `"[verwijderd]" is te lang`, EN: `value [removed] is too long`}
	want.Acceptances[0].RecordKey = p.Of("t", "K0001")
	want.Acceptances[0].Justification, want.Acceptances[0].ApprovedBy = "[naam] weet ervan", "[naam]"
	want.Acceptances[1].RecordKey = "[kenmerk]/*"
	want.Acceptances[2].RecordKey = p.Of("accepted_risks", "K0002") // matches nothing and is not in the data: a pseudonym all the same
	c := &want.Checks[0]
	c.Reason = &results.Text{NL: "fout bij [kenmerk]", EN: "error at [identifier]"}
	c.Findings[0].Key, c.Findings[0].RecordKey = "c|t|"+p.Of("t", "K0001"), p.Of("t", "K0001")
	c.Findings[0].Message = results.Text{NL: "kind [kenmerk] van [naam]", EN: "child [identifier] of [name]"}
	c.Findings[0].Values = []string{"[naam]", "2026-01-01"}
	c.Resolved[0].Key, c.Resolved[0].RecordKey = "c|t|"+p.Of("t", "K0009"), p.Of("t", "K0009")
	c.Resolved[0].Values = []string{""}
	want.Previous.File = "resultaten [naam].json"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("risk copy (-want +got):\n%s", diff)
	}
}

// TestClone checks that a clone shares nothing with the original.
func TestClone(t *testing.T) {
	run := &results.Run{
		Pseudonymisation: &results.Pseudonymisation{KeyID: "k"},
		Policy:           []results.Param{{Name: "a"}},
		Inputs:           []results.Input{{SkippedColumns: []string{"x"}}},
		Checks: []results.Check{{
			Reason: &results.Text{NL: "r"}, Warnings: []results.Text{{NL: "w"}}, Columns: []string{"c"},
			Findings: []results.Finding{{Values: []string{"v"}, Acceptance: &results.FindingAcceptance{ID: "A1"}}},
			Previous: &results.CheckCounts{Findings: 1}, Risk: &results.Risk{Score: 4},
		}},
		Summary:     results.Summary{BySeverity: map[string]int{"high": 1}},
		Identifiers: []results.Identifier{{Value: "Anna", Kind: "name"}},
	}
	c := run.Clone()
	if diff := cmp.Diff(run, c); diff != "" {
		t.Fatalf("clone differs (-run +clone):\n%s", diff)
	}
	c.Pseudonymisation.KeyID = "changed"
	c.Policy[0].Name = "changed"
	c.Inputs[0].SkippedColumns[0] = "changed"
	ch := &c.Checks[0]
	ch.Reason.NL, ch.Warnings[0].NL, ch.Columns[0] = "changed", "changed", "changed"
	ch.Findings[0].Values[0], ch.Findings[0].Acceptance.ID = "changed", "changed"
	ch.Previous.Findings, ch.Risk.Score = 9, 9
	c.Summary.BySeverity["high"] = 9
	c.Identifiers[0].Value = "changed"
	if strings.Contains(marshal(t, run), "changed") || run.Checks[0].Previous.Findings != 1 || run.Checks[0].Risk.Score != 4 ||
		run.Summary.BySeverity["high"] != 1 || run.Identifiers[0].Value != "Anna" {
		t.Error("changing the clone changed the original")
	}
}

// TestRiskRejectedDate checks that the reason for a rejected date of a day
// its month does not have gives away neither the date nor its month and
// year (a date of birth, with the file and row that name the child).
func TestRiskRejectedDate(t *testing.T) {
	_, err := values.ParseDate("31-02-2011")
	if err == nil {
		t.Fatal("31-02-2011 parsed")
	}
	run := &results.Run{Rejects: []results.Reject{{File: "kinderen.csv", Row: 2, Column: "Geboortedatum", Value: "31-02-2011",
		Reason: results.Text{NL: values.Dutch(err), EN: err.Error()}}}}
	got := audience.RunOf(audience.Risk(run, samplePseudonymiser(t))).Rejects[0]
	for _, s := range []string{got.Value, got.Reason.NL, got.Reason.EN} {
		for _, leak := range []string{"31", "02", "2011", "februari", "February", "28"} {
			if strings.Contains(s, leak) {
				t.Errorf("%q gives %q away", s, leak)
			}
		}
	}
	if !strings.Contains(got.Reason.NL, "geen bestaande datum") || !strings.Contains(got.Reason.EN, "not an existing calendar date") {
		t.Errorf("reason %+v no longer says what is wrong", got.Reason)
	}
}

// TestRiskStaleKey: a register entry naming one record that no finding has
// (a stale entry: the record is gone from the data) is pseudonymised when
// its key looks like a number or an account; a processor's name or a
// pattern stays readable.
func TestRiskStaleKey(t *testing.T) {
	p := samplePseudonymiser(t)
	run := &results.Run{Acceptances: []results.Acceptance{
		{ID: "A1", CheckID: "retention_admin", RecordKey: "K0999", Status: results.AcceptanceStale},
		{ID: "A2", CheckID: "account_shared", RecordKey: "Konnect/ipad.groep@example.org", Status: results.AcceptanceStale},
		{ID: "A3", CheckID: "processor_agreement_missing", RecordKey: "WhatsApp", Status: results.AcceptanceStale},
		{ID: "A4", CheckID: "retention_invoices", RecordKey: "FAC-2018-*", Status: results.AcceptanceAccepted},
	}}
	got := audience.RunOf(audience.Risk(run, p)).Acceptances
	for i, want := range []string{p.Of("accepted_risks", "K0999"), p.Of("accepted_risks", "Konnect/ipad.groep@example.org"), "WhatsApp", "FAC-2018-*"} {
		if got[i].RecordKey != want {
			t.Errorf("%s: record key %q, want %q", got[i].ID, got[i].RecordKey, want)
		}
	}
}

// TestRiskLeavesOutFreeText: text people write (a breach's facts, what a
// complaint is about) can name anyone, also people in no table: the risk
// analysis leaves it out, the FG keeps it (issue 12).
func TestRiskLeavesOutFreeText(t *testing.T) {
	facts := "behandeld door Wilhelmina Zonderland, tel 0612345678"
	run := &results.Run{AsOf: "2026-09-01", Checks: []results.Check{{
		ID: "eigen_datalekken", Status: results.StatusFindings, Columns: []string{"facts", "reportable"},
		Findings: []results.Finding{{Key: "eigen_datalekken|breaches|D1", Table: "breaches", RecordKey: "D1", Values: []string{facts, "ja"},
			Message: results.Text{NL: "Datalek D1: " + facts, EN: "Breach D1: " + facts}}},
	}}}
	risk := audience.RunOf(audience.Risk(run, samplePseudonymiser(t)))
	got := risk.Checks[0].Findings[0].Values
	if want := []string{"[vrije tekst weggelaten]", "ja"}; !cmp.Equal(got, want) {
		t.Errorf("risk values %q, want %q", got, want)
	}
	if msg, want := risk.Checks[0].Findings[0].Message, (results.Text{NL: "Datalek D1: [vrije tekst weggelaten]", EN: "Breach D1: [free text left out]"}); msg != want {
		t.Errorf("risk message %q, want %q", msg, want)
	}
	if fg, want := audience.RunOf(audience.FG(run)).Checks[0].Findings[0].Values[0], "behandeld door Wilhelmina Zonderland, tel 06******78"; fg != want {
		t.Errorf("FG value %q, want %q", fg, want)
	}
}

// birthBefore reports whether one of the last 12 words of text speaks of
// a birth.
func birthBefore(text string) bool {
	ws := strings.Fields(text)
	for j := len(ws) - 1; j >= 0 && j >= len(ws)-12; j-- {
		for _, b := range []string{"geboren", "geboorte", "birth", "born", "dob"} {
			if strings.HasPrefix(ws[j], b) || ws[j] == "geb" {
				return true
			}
		}
	}
	return false
}
