package audit_test

import (
	"context"
	"io/fs"
	"testing"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/samples"
)

// BenchmarkSampleAudit measures a whole audit of the sample organisation:
// manifest, loading 17 exports into DuckDB and running every check.
func BenchmarkSampleAudit(b *testing.B) {
	org, err := fs.Sub(samples.Org, "org")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		run, err := audit.Audit(context.Background(), audit.Options{Source: org, Dir: "."})
		if err != nil {
			b.Fatal(err)
		}
		run.Close()
	}
}
