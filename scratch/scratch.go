// Package scratch keeps the temporary files of one run in one private
// folder: the reports being written, excelize's own temporary files, a
// copy of a workbook, the database before --db moves it into place. The
// folder is OUT/.avgaudit-tmp/run-… (0700); the run removes it when it
// ends, and the next run removes what a killed run left (a run that is
// still going keeps its folder: it holds a lock on it).
package scratch

import (
	"errors"
	"github.com/avgaudit/avgaudit/vocab"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// FolderName is the folder in the output directory that holds the runs'
// folders.
const FolderName = ".avgaudit-tmp"

// lockName is the file a run holds locked while it runs; it holds the
// run's process id.
const lockName = "run.lock"

// Dir is the private folder of one run.
type Dir struct {
	// Path is the folder; everything in it goes when the run ends.
	Path string
	lock *os.File
	out  string // the output folder, when Open made it (removed by Close if empty)
}

// Leftovers is what Open found of earlier runs.
type Leftovers struct {
	// Removed lists what killed runs left and Open removed: their folders,
	// and report and database temporary files of avgaudit versions that
	// wrote them next to the reports.
	Removed []string
	// Live lists the folders of runs that are still going (their process
	// id after a colon), which Open left alone.
	Live []string
}

// staleTemp is a temporary file of an earlier avgaudit version, written
// next to the file it was to become (atomicfile's ".name.tmp-…").
var staleTemp = regexp.MustCompile(`^\..+\.tmp-[0-9a-zA-Z]+$`)

// Open makes the run's folder in out (made 0700 if it does not exist, and
// removed again by Close if nothing was put in it),
// after removing what earlier runs that were killed left there. A folder
// whose run is still going is left and reported in Leftovers.Live.
func Open(out string) (*Dir, Leftovers, error) {
	var left Leftovers
	root := filepath.Join(out, FolderName)
	_, statErr := os.Stat(out)
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, left, vocab.Wrapf(err, "maak de map voor tijdelijke bestanden", "create the folder for temporary files")
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, left, vocab.Wrapf(err, "lees %s", "read %s", root)
	}
	for _, e := range entries {
		p := filepath.Join(root, e.Name())
		if pid, live := running(p); live {
			left.Live = append(left.Live, p+":"+strconv.Itoa(pid))
			continue
		}
		if err := os.RemoveAll(p); err != nil {
			return nil, left, vocab.Wrapf(err, "verwijder wat een afgebroken run achterliet", "remove what an interrupted run left")
		}
		left.Removed = append(left.Removed, p)
	}
	// Temporary files of versions that wrote them next to the reports.
	if entries, err := os.ReadDir(out); err == nil {
		for _, e := range entries {
			if staleTemp.MatchString(e.Name()) {
				p := filepath.Join(out, e.Name())
				if err := os.RemoveAll(p); err == nil {
					left.Removed = append(left.Removed, p)
				}
			}
		}
	}
	path, err := os.MkdirTemp(root, "run-"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, left, vocab.Wrapf(err, "maak de map voor tijdelijke bestanden", "create the folder for temporary files")
	}
	d := &Dir{Path: path}
	if errors.Is(statErr, fs.ErrNotExist) {
		d.out = out
	}
	if d.lock, err = lock(filepath.Join(path, lockName)); err != nil {
		_ = os.RemoveAll(path)
		return nil, left, vocab.Wrapf(err, "vergrendel de map voor tijdelijke bestanden", "lock the folder for temporary files")
	}
	return d, left, nil
}

// Sub makes a folder in the run's folder (for one kind of temporary file,
// such as excelize's) and returns its path.
func (d *Dir) Sub(name string) (string, error) {
	p := filepath.Join(d.Path, name)
	if err := os.MkdirAll(p, 0o700); err != nil {
		return "", err
	}
	return p, nil
}

// Close removes the run's folder and everything in it, and the folder of
// the runs when no other run is using it.
func (d *Dir) Close() error {
	if d == nil || d.lock == nil {
		return nil
	}
	_ = d.lock.Close()
	d.lock = nil
	err := os.RemoveAll(d.Path)
	_ = os.Remove(filepath.Dir(d.Path)) // fails while another run has its folder there
	if d.out != "" {
		_ = os.Remove(d.out) // made by Open and still empty: a failed run leaves no folder
	}
	return err
}

// running reports whether the run whose folder is p is still going, and
// its process id: it holds the lock, and a young folder without a lock
// file yet is taken as starting.
func running(p string) (int, bool) {
	b, err := os.ReadFile(filepath.Join(p, lockName))
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if errors.Is(err, fs.ErrNotExist) {
		st, err := os.Stat(p)
		return 0, err == nil && st.IsDir() && time.Since(st.ModTime()) < time.Minute
	}
	return pid, locked(filepath.Join(p, lockName))
}
