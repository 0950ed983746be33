package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/avgaudit/avgaudit/queries"
)

// loadChecks returns the built-in checks plus the user's own from dir (when
// not empty), narrowed by --only and --skip. A user check with a broken
// header is kept: the audit reports it as failed with its file and line.
func loadChecks(dir string, only, skip []string) ([]queries.Check, error) {
	checks, err := queries.Builtin()
	if err != nil {
		return nil, err
	}
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, usagef("--checks %q is not a directory", dir)
		}
		user, err := queries.LoadDir(dir)
		if err != nil {
			return nil, err
		}
		if checks, err = queries.Merge(checks, user); err != nil {
			return nil, fmt.Errorf("--checks %s: %w", dir, err)
		}
	}
	selected, err := queries.Select(checks, only, skip)
	var unknown *queries.SelectionError
	if errors.As(err, &unknown) {
		return nil, usagef("--only/--skip: %v", err)
	}
	return selected, err
}
