package audit_test

import (
	"context"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/results"
)

// auditFlat audits as audit.Audit does and returns the run with its
// findings in memory (results.Run.Flat) and its store closed: the tests
// look at the findings whole.
func auditFlat(ctx context.Context, opt audit.Options) (*results.Run, error) {
	run, err := audit.Audit(ctx, opt)
	if err != nil {
		return run, err
	}
	defer run.Close()
	return run.Flat(), nil
}
