package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOwnChecksAndSelection runs the binary with --checks, --only and --skip
// on the small rejects fixture and checks which checks ran and what it says.
func TestOwnChecksAndSelection(t *testing.T) {
	src := abs(t, "testdata/rejects")
	own := abs(t, "testdata/ownchecks")
	clash := abs(t, "testdata/clash")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		notOut   []string
		wantErr  []string
	}{
		{"own checks, good and broken", []string{"audit", src, "--checks", own}, 0,
			[]string{"eigen_foto", "2 bevindingen", "kapot", "fout_sql", "MISLUKT", "photo_without_consent"}, nil,
			[]string{"controle kapot: de controle is mislukt: " + filepath.Join(own, "kapot.sql") + `:5: onbekende sleutel "gebied" in de kop`,
				"controle fout_sql: de controle is mislukt: " + filepath.Join(own, "fout_sql.sql") + ":12: Parser Error"}},
		{"own checks by area keep the broken one", []string{"audit", src, "--checks", own, "--only", "eigen"}, 0,
			[]string{"3 controles", "eigen_foto", "kapot", "fout_sql"}, []string{"photo_without_consent"}, nil},
		{"id clash with a built-in check", []string{"audit", src, "--checks", clash}, 1, nil, nil,
			[]string{filepath.Join(clash, "photo_without_consent.sql") + `: id "photo_without_consent" is al in gebruik bij de ingebouwde controle photo_without_consent (queries/photo_without_consent.sql)`}},
		{"checks dir missing", []string{"audit", src, "--checks", "/nonexistent/checks"}, 2, nil, nil,
			[]string{`--checks "/nonexistent/checks" is geen map`}},
		{"only by id", []string{"audit", src, "--only", "photo_without_consent"}, 0,
			[]string{"1 controle", "photo_without_consent"}, []string{"processor_agreement_missing"}, nil},
		{"only by area, repeated", []string{"audit", src, "--only", "toestemming", "--only", "verwerkers"}, 0,
			[]string{"photo_without_consent", "processor_agreement_missing"}, []string{"request_overdue", "breach_not_handled"}, nil},
		{"skip by id", []string{"audit", src, "--skip", "photo_without_consent,request_overdue"}, 0,
			[]string{"processor_agreement_missing", "breach_not_handled"}, []string{"photo_without_consent", "request_overdue"}, nil},
		{"skip by area", []string{"audit", src, "--skip", "toestemming"}, 0,
			[]string{"processor_agreement_missing"}, []string{"photo_without_consent"}, nil},
		{"unknown id", []string{"audit", src, "--only", "photo_without_consnet"}, 2, nil, nil,
			[]string{`geen controle of gebied "photo_without_consnet"`, "controles: ", "photo_without_consent", "gebieden: ", "toestemming, verwerkers"}},
		{"unknown own area", []string{"audit", src, "--skip", "eigen"}, 2, nil, nil,
			[]string{`geen controle of gebied "eigen"`}},
		{"list own checks", []string{"checks", "--checks", own}, 0,
			[]string{"eigen_foto", "Foto's in het dagboek", "kapot", "FOUT: ", "onbekende sleutel", "photo_without_consent"}, nil, nil},
		{"show own check", []string{"checks", "show", "eigen_foto", "--checks", own, "--sql"}, 0,
			[]string{"eigen privacybeleid", "FROM portal_photos", filepath.Join(own, "eigen_foto.sql")}, nil, nil},
		{"own check unknown without --checks", []string{"checks", "show", "eigen_foto"}, 2, nil, nil,
			[]string{`geen controle "eigen_foto"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := avgaudit(t, t.TempDir(), tt.args...)
			r.expect(t, tt.wantCode, tt.wantOut, tt.wantErr)
			for _, w := range tt.notOut {
				if strings.Contains(r.stdout, w) {
					t.Errorf("stdout names %q, which should not have run:\n%s", w, r.stdout)
				}
			}
		})
	}
}
