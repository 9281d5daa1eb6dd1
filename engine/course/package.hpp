// Course packages (.cbtpack): one file holding a course folder, checked member by member before
// anything trusts it, and installed into a course library by an atomic switch of a symlink.
// A pack is an uncompressed POSIX tar (pax) file whose first member is the manifest cbtpack.json.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "course/text.hpp"

namespace cbt::course {

// [SECTION] Format
//
// A .cbtpack is a POSIX tar file (pax, written by libarchive), uncompressed: the images in a
// course are compressed already, and an uncompressed tar is byte-for-byte reproducible with any
// libarchive version, which content addressing needs. `tar tvf x.cbtpack` lists it.
//
//   member 1   cbtpack.json   the manifest, below
//   member 2…  the course's files, one plain file each, in byte order of their paths
//
// Every member has mtime 2000-01-01T00:00:00Z, uid/gid 0, no user or group name, mode 0644.
// Names over 100 bytes get a pax path record. When any name has bytes outside ASCII, every
// member gets a pax header with hdrcharset=BINARY, so the pack holds the names' UTF-8 bytes
// whatever the locale of the machine that packs (GNU tar lists such packs with a warning).
//
//   cbtpack.json = {
//     "format": 1,                          // bumped when a reader must refuse what it does not know
//     "course": "sample",                   // the course id, as in course.lua
//     "version": "1.0.0",                   // the course version, as in course.lua
//     "title": { "en": "...", "ru": "..." },
//     "content_hash": "<64 hex>",           // course_content_hash() of the folder
//     "files": [ { "path": "course.lua", "size": 844, "sha256": "<64 hex>" }, ... ]   // sorted by path
//   }
//
// The same folder always gives the same bytes, so the pack's own SHA-256 names it (sync uses it
// to address and resume downloads) and two authors packing one course get one package id.

// [SECTION] Limits — a pack over any of them is refused, by cbt pack as well as by readers.
inline constexpr int pack_format = 1;
inline constexpr const char* pack_manifest_name = "cbtpack.json";
inline constexpr std::size_t max_pack_files = 2000;
inline constexpr std::uint64_t max_pack_file_bytes = 64ull << 20;      // one course file
inline constexpr std::uint64_t max_pack_content_bytes = 512ull << 20;  // all course files together
inline constexpr std::uint64_t max_pack_manifest_bytes = 1ull << 20;
inline constexpr std::size_t max_pack_path_bytes = 255;

// Raised when a pack cannot be made, read, verified or installed; the message names the pack and
// says what to do ("copy the file again", "make it again with cbt pack").
class PackageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One course file as the manifest lists it.
struct PackedFile {
    std::string path;  // course-relative, '/'-separated, UTF-8
    std::uint64_t size = 0;
    std::string sha256;  // lower-case hex
};

// What a pack holds, from its manifest (and, once read through, its own digest).
struct PackInfo {
    std::string id;
    std::string version;
    LocalText title;
    std::string content_hash;         // course_content_hash() of the course folder
    std::vector<PackedFile> files;    // sorted by path
    std::uint64_t content_bytes = 0;  // the course files' sizes added up
    std::uint64_t pack_bytes = 0;     // size of the .cbtpack file itself
    std::string pack_sha256;          // SHA-256 of the .cbtpack file: the package id; empty from read_pack_info

    // Number of course files in the pack.
    std::size_t file_count() const { return files.size(); }
};

// One version of a course in a library (see install_pack for the layout).
struct InstalledCourse {
    std::string id;
    std::string version;
    LocalText title;
    std::string content_hash;
    std::string pack_sha256;     // the pack it came from
    std::filesystem::path path;  // library/.versions/<id>-<hash12>: load from here to pin an attempt to it
    std::filesystem::path link;  // library/<id>, the name loaders and people use
    bool current = false;        // library/<id> points at this version
    bool changed = false;        // from install_pack: false when this version was current already
};

// Packs a course folder into out_file (written to a temporary file beside it, then renamed, so a
// reader never sees half a pack). The course must load (else CourseError); symlinks in the folder
// are refused, hidden files and folders left out, exactly as course_content_hash leaves them out.
PackInfo pack_course(const std::filesystem::path& course_dir, const std::filesystem::path& out_file);

// Reads and checks only the manifest: quick, for listings; pack_sha256 stays empty.
PackInfo read_pack_info(const std::filesystem::path& pack);

// Reads the whole pack and checks every member against the manifest and the limits; returns the
// manifest and the pack's SHA-256. Throws PackageError for anything unsafe, damaged or incomplete.
PackInfo verify_pack(const std::filesystem::path& pack);

// Verifies and installs a pack into a course library:
//
//   library/<id>                     symlink to .versions/<id>-<first 12 hex of the content hash>
//   library/.versions/<id>-<hash12>/ one folder per installed version, never changed once complete
//   library/.lock                    serialises installs and prunes between processes
//
// The pack is extracted into .versions/<id>-<hash12>.partial/, must load with load_course and
// give the manifest's content hash, is renamed into place, and then library/<id> is switched by
// rename()-ing a new symlink over it: a reader sees the old course or the new, never a mix.
// Installing the version that is current already changes nothing. Older version folders stay (an
// attempt in progress may still read them) until prune_versions removes them.
// Loaders scanning a library must skip hidden entries (.versions, .lock), and should load
// InstalledCourse::path (or canonical(library/<id>)) so a later install cannot change a running
// attempt's files under it.
InstalledCourse install_pack(const std::filesystem::path& pack, const std::filesystem::path& library_dir);

// Every version in a library, sorted by id; per id the current version first, then the most
// recently current. Folders not made by install_pack are left out.
std::vector<InstalledCourse> list_library(const std::filesystem::path& library_dir);

// Removes version folders no library/<id> symlink points at, keeping per course the `keep` most
// recently current ones, and the leftovers of interrupted installs; returns what it removed. Call
// it when no kiosk runs an attempt on an old version.
std::vector<std::filesystem::path> prune_versions(const std::filesystem::path& library_dir, std::size_t keep);

}  // namespace cbt::course
