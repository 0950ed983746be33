package trend

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/vocab"
)

// Previous is an earlier run and the file it was read from.
type Previous struct {
	Run    *results.Run
	Path   string // as given (OS path, or a path in the source directory)
	SHA256 string // of the file's bytes
}

// Identify fills run.Previous.File and SHA256 with where prev came from,
// after Compare.
func (prev *Previous) Identify(run *results.Run) {
	if run.Previous == nil {
		return
	}
	if prev.Path != "" {
		run.Previous.File = path.Base(filepath.ToSlash(prev.Path))
	}
	run.Previous.SHA256 = prev.SHA256
}

// Read reads a results file's bytes (of any schema version results.Read
// understands); name is how messages call it.
func Read(name string, data []byte) (*Previous, error) {
	run, err := results.Read(bytes.NewReader(data))
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de vorige resultaten %s", "read previous results %s", name)
	}
	sum := sha256.Sum256(data)
	return &Previous{Run: run, Path: name, SHA256: hex.EncodeToString(sum[:])}, nil
}

// ReadFile reads the results file at path on the OS filesystem.
func ReadFile(path string) (*Previous, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de vorige resultaten", "read previous results")
	}
	return Read(path, data)
}

// Find reads the previous run at name in fsys: a results file, or a
// history folder, from which the newest run before asOf is taken (nil
// when it holds none).
func Find(fsys fs.FS, name string, asOf time.Time) (*Previous, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de vorige resultaten", "read previous results")
	}
	if st.IsDir() {
		return latest(fsys, name, asOf)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de vorige resultaten", "read previous results")
	}
	return Read(name, data)
}

// FindFile is Find on the OS filesystem: path is a results file or a
// history folder.
func FindFile(path string, asOf time.Time) (*Previous, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de vorige resultaten", "read previous results")
	}
	if st.IsDir() {
		return Latest(path, asOf)
	}
	return ReadFile(path)
}

// Latest reads the newest run in the history folder dir whose as-of date
// is before asOf (files named <as_of>.json, as Save writes them). A folder
// that does not exist or has no such run gives nil and no error.
func Latest(dir string, asOf time.Time) (*Previous, error) {
	prev, err := latest(os.DirFS(dir), ".", asOf)
	if err != nil || prev == nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	prev.Path = filepath.Join(dir, prev.Path)
	return prev, nil
}

// latest is Latest in fsys; the Previous's Path is the file's name in fsys.
func latest(fsys fs.FS, dir string, asOf time.Time) (*Previous, error) {
	des, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de historiemap", "read history folder")
	}
	best := ""
	for _, de := range des {
		date, ok := strings.CutSuffix(de.Name(), ".json")
		if !ok || de.IsDir() {
			continue
		}
		d, err := time.Parse(time.DateOnly, date)
		if err != nil || !d.Before(asOf) {
			continue
		}
		if de.Name() > best {
			best = de.Name()
		}
	}
	if best == "" {
		return nil, nil
	}
	name := path.Join(dir, best)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de vorige resultaten", "read previous results")
	}
	return Read(name, data)
}

// FileName is the name of a run's file in the history folder.
func FileName(run *results.Run) string { return run.AsOf + ".json" }

// Save writes run (the full-detail results of the data protection
// officer's audience) into the history folder dir as <as_of>.json,
// replacing a run of the same date, and returns the file's path. write
// renders the run (the JSON reporter, so that the file is the same as
// resultaten-fg.json). The file is written under a temporary name and
// renamed, so an interrupted run never leaves half a file; the folder and
// file are readable only by the user, as they hold personal data.
func Save(dir string, run *results.Run, write func(io.Writer, *results.Run) error) (string, error) {
	if _, err := time.Parse(time.DateOnly, run.AsOf); err != nil {
		return "", vocab.Errorf("bewaar de historie: as_of %q is geen datum", "save history: as_of %q is not a date", run.AsOf)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", vocab.Wrapf(err, "bewaar de historie", "save history")
	}
	final := filepath.Join(dir, FileName(run))
	err := atomicfile.Write(final, 0o600, func(w io.Writer) error { return write(w, run) })
	if err != nil {
		return "", vocab.Wrapf(err, "bewaar de historie %s", "save history %s", final)
	}
	return final, nil
}
