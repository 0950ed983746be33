package audit_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/results"
)

// TestBlindCorpus audits the blind-test corpus (testdata/blind: exports of
// vendors avgaudit had never seen, in shapes the manifest could not express
// before: wide consent exports, several ids in one cell, user lists without
// a system column, notes without a note number, yes/no agreements and
// consents). Each check named finds exactly the planted problems; the
// extra ones (a leaver's account, an admin without MFA) are found among
// others.
func TestBlindCorpus(t *testing.T) {
	type planted struct {
		check string
		keys  []string // record keys the check finds
		exact bool     // and nothing else
	}
	orgs := map[string][]planted{
		"orgA": {
			{"photo_without_consent", []string{"P880401/31066", "P880402/31087", "P880403/31268", "P880404/31074", "P880405/31097"}, true},
			{"retention_admin", []string{"K10046", "K10214", "K10320"}, true},
			{"retention_portal", []string{"31045", "31213", "31319"}, true},
			{"retention_tracking", []string{"K10046", "K10214", "K10320"}, true},
			{"processor_agreement_missing", []string{"Mailchimp", "Microsoft (OneDrive)"}, true},
			{"transfer_without_consent", []string{"K10111/2026-07-06", "K10132/2026-03-24"}, true},
			{"request_overdue", []string{"2026-04"}, true},
			{"breach_not_handled", []string{"DL-2026-02"}, false},
			{"external_post_without_consent", []string{"FB5099/K10002"}, true},
			{"account_after_employment", []string{"Flexkids/linda1030"}, true},
			{"account_hygiene", []string{"Flexkids/anouk1001"}, false},
			{"child_data_mismatch", []string{"31308"}, true},
		},
		"orgB": {
			{"photo_without_consent", []string{"POST-6301/KV-0241", "POST-6302/KV-0250", "POST-6303/KV-0176", "POST-6304/KV-0213", "POST-6305/KV-0076"}, true},
			{"retention_admin", []string{"KV-0008", "KV-0110", "KV-0112"}, true},
			{"retention_tracking", []string{"KV-0008", "KV-0110", "KV-0112"}, true},
			{"retention_portal", []string{"KV-0008", "KV-0110", "KV-0112"}, true},
			{"processor_agreement_missing", []string{"Canva", "Google Workspace"}, true},
			{"transfer_without_consent", []string{"KV-0007/2026-09-01", "KV-0072/2025-12-24"}, true},
			{"request_overdue", []string{"DSAR-3"}, true},
			{"breach_not_handled", []string{"INC-02"}, false},
			{"external_post_without_consent", []string{"IG-99/KV-0001"}, true},
			{"account_hygiene", []string{"Ouderportaal (Konnect-like)/f.smit"}, false},
			{"bsn_invalid", []string{"KV-0260"}, true},
		},
	}
	for _, org := range []string{"orgA", "orgB"} {
		t.Run(org, func(t *testing.T) {
			run, err := auditFlat(context.Background(), audit.Options{Source: os.DirFS(blindOrg(t, org)), Dir: "."})
			if err != nil {
				t.Fatal(err)
			}
			byID := map[string]results.Check{}
			for _, c := range run.Checks {
				byID[c.ID] = c
			}
			for _, p := range orgs[org] {
				c := byID[p.check]
				var got []string
				for _, f := range c.Findings {
					if !slices.Contains(got, f.RecordKey) {
						got = append(got, f.RecordKey)
					}
				}
				sort.Strings(got)
				want := slices.Clone(p.keys)
				sort.Strings(want)
				if p.exact {
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("%s (%s): findings (-want +got):\n%s", p.check, c.Status, diff)
					}
					continue
				}
				for _, k := range want {
					if !slices.Contains(got, k) {
						t.Errorf("%s (%s): %s not found among %v", p.check, c.Status, k, got)
					}
				}
			}
			// The late breach is reported as late, without a reason.
			late := map[string]bool{}
			for _, f := range byID["breach_not_handled"].Findings {
				if v := f.Values[len(f.Values)-1]; v == "reported_late" || v == "reported_late_with_reason" {
					late[f.RecordKey+" "+v] = true
				}
			}
			want := map[string]bool{"DL-2026-02 reported_late": org == "orgA", "INC-02 reported_late": org == "orgB"}
			for k, v := range want {
				if v && !late[k] {
					t.Errorf("breach_not_handled: no %s among %v", k, late)
				}
			}
			if n := len(run.Rejects); n > 0 {
				t.Errorf("%d rejects: %+v", n, run.Rejects)
			}
		})
	}
}

// blindOrg is a folder with the exports of the blind corpus's org (one
// copy, in ../profiles/testdata/blind, which init's tests use too) and the
// manifest written for it by hand (testdata/blind/<org>/manifest.yaml).
func blindOrg(t *testing.T, org string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "profiles", "testdata", "blind", org))); err != nil {
		t.Fatal(err)
	}
	manifest, err := os.ReadFile(filepath.Join("testdata", "blind", org, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), manifest, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}
