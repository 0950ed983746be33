// Package buildinfo tells which avgaudit binary this is: the version, commit and
// build date that release/build.sh stamps in with -ldflags -X, completed with
// what the Go toolchain recorded in the binary (debug.ReadBuildInfo).
package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by release/build.sh:
//
//	-ldflags "-X github.com/avgaudit/avgaudit/buildinfo.version=v0.1.0
//	          -X github.com/avgaudit/avgaudit/buildinfo.commit=<git sha>
//	          -X github.com/avgaudit/avgaudit/buildinfo.date=<RFC 3339, UTC>"
var version, commit, date string

// Info describes a build. Empty fields are unknown.
type Info struct {
	Version  string // the release tag, e.g. v0.1.0; else the fallback given to Get
	Commit   string // git commit the binary was built from
	Modified bool   // built from a work tree with uncommitted changes
	Date     string // build date (RFC 3339, UTC), stamped by release/build.sh
	Go       string // Go version, e.g. go1.26.8
	Platform string // GOOS/GOARCH, e.g. windows/amd64
}

// Get returns this binary's build information. fallback is the version to
// report when none was stamped in (a plain go build or go run).
func Get(fallback string) Info {
	info := Info{Version: version, Commit: commit, Date: date,
		Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi, ok := debug.ReadBuildInfo(); ok {
		fromBuildInfo(&info, bi)
	}
	if info.Version == "" {
		info.Version = fallback
	}
	return info
}

// fromBuildInfo fills what ldflags left empty from the toolchain's record:
// the module version (go install ...@v0.1.0) and the VCS stamp (go build in
// a git checkout without -buildvcs=false).
func fromBuildInfo(info *Info, bi *debug.BuildInfo) {
	if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		info.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if info.Commit == "" {
				info.Commit = s.Value
			}
		case "vcs.modified":
			info.Modified = info.Modified || s.Value == "true"
		}
	}
}

// String is what `avgaudit version` prints, in Dutch (see In).
func (i Info) String() string { return i.In("nl") }

// In is what `avgaudit version` prints in lang: the version on the first
// line, then the known details, one per line.
func (i Info) In(lang string) string {
	modified, built := " (met lokale wijzigingen)", "gebouwd:  %s\n"
	if lang == "en" {
		modified, built = " (with local changes)", "built:    %s\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "avgaudit %s\n", i.Version)
	if i.Commit != "" {
		c := i.Commit
		if i.Modified {
			c += modified
		}
		fmt.Fprintf(&b, "commit:   %s\n", c)
	}
	if i.Date != "" {
		fmt.Fprintf(&b, built, i.Date)
	}
	fmt.Fprintf(&b, "go:       %s %s\n", i.Go, i.Platform)
	return b.String()
}
