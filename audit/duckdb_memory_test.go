package audit

import (
	"strings"
	"testing"
)

// TestDuckDBMemoryLimit: an audit's database spills to the run's folder and
// caps DuckDB's memory at DuckDBMemory, or at $AVGAUDIT_DUCKDB_MEMORY; a
// value DuckDB cannot read is an error that names the variable.
func TestDuckDBMemoryLimit(t *testing.T) {
	for _, tc := range []struct{ env, want, err string }{
		{"", "488.2 MiB", ""}, // 512MB as DuckDB shows it
		{"2GB", "1.8 GiB", ""},
		{"veel", "", "AVGAUDIT_DUCKDB_MEMORY \"veel\""},
	} {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv("AVGAUDIT_DUCKDB_MEMORY", tc.env)
			db, finish, err := openDB("", t.TempDir())
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one naming %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = finish(false) }()
			var got string
			if err := db.QueryRow("SELECT current_setting('memory_limit')").Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("memory_limit = %q, want %q", got, tc.want)
			}
		})
	}
}
