package app

import (
	"errors"
	"os"
	"strings"

	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/vocab"
)

// Checks returns the built-in checks plus the user's own from dir (when
// not empty), narrowed by only and skip (check ids or area codes). A user
// check with a broken header is kept: the audit reports it as failed with
// its file and line.
func Checks(dir string, only, skip []string) ([]queries.Check, error) {
	checks, err := queries.Builtin()
	if err != nil {
		return nil, err
	}
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, Usage2f("--checks %q is not a directory", "--checks %q is geen map", dir)
		}
		user, err := queries.LoadDir(dir)
		if err != nil {
			return nil, err
		}
		if checks, err = queries.Merge(checks, user); err != nil {
			return nil, vocab.Wrapf(err, "--checks %s", "--checks %s", dir)
		}
	}
	selected, err := queries.Select(checks, only, skip)
	var unknown *queries.SelectionError
	if errors.As(err, &unknown) {
		return nil, Usage(vocab.Wrapf(err, "--only/--skip", "--only/--skip"))
	}
	return selected, err
}

// CheckParams lists the policy settings a check's SQL reads, with their
// defaults.
func CheckParams(c queries.Check) []policy.Param {
	var out []policy.Param
	for _, p := range policy.Default().Params() {
		if strings.Contains(c.SQL, "'"+p.Name+"'") {
			out = append(out, p)
		}
	}
	return out
}
