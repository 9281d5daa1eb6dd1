// Writing, verifying and installing course packs with libarchive; the format is in package.hpp.
// Everything read from a pack is untrusted: names, types, sizes and digests are checked before use,
// and a pack is read front to back in one pass, so its digest covers exactly the bytes checked.
#include "course/package.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "base/sha256.hpp"
#include "base/text.hpp"
#include "base/unique_fd.hpp"
#include "course/course.hpp"
#include "course/definition_reader.hpp"

namespace cbt::course {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::time_t member_mtime = 946684800;  // 2000-01-01T00:00:00Z: any fixed time keeps packs reproducible
constexpr std::size_t chunk_bytes = 1 << 16;
constexpr std::size_t hash_prefix = 12;  // hex digits of the content hash in a version folder's name
constexpr const char* versions_folder = ".versions";
constexpr const char* installed_manifest = ".cbtpack.json";  // hidden, so the content hash and loaders ignore it
constexpr const char* partial_suffix = ".partial";
// Largest pack file worth reading: the content limit plus the manifest and generous tar headers.
constexpr std::uint64_t max_pack_file_size =
    max_pack_content_bytes + max_pack_manifest_bytes + max_pack_files * 4096 + (1 << 20);

std::string errno_text(int error) {
    return std::strerror(error);
}

// A size as people read it in messages.
std::string mebibytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
    return text;
}

// A member name fit for a message: control bytes and bytes that are not UTF-8 shown as \xNN.
std::string printable(std::string_view name) {
    const bool utf8 = base::is_valid_utf8(name);
    std::string out;
    for (const unsigned char c : name) {
        if (c < 0x20 || c == 0x7f || (!utf8 && c >= 0x80)) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else {
            out += static_cast<char>(c);
        }
    }
    return "'" + out + "'";
}

// Why a name cannot be a course file's path, or "" when it can.
std::string unsafe_name_reason(const std::string& name) {
    if (name.empty()) return "has an empty name";
    if (name.size() > max_pack_path_bytes) return "has a name longer than 255 bytes";
    if (!base::is_valid_utf8(name)) return "has a name that is not UTF-8";
    if (name[0] == '/') return "is an absolute path";
    for (const unsigned char c : name)
        if (c < 0x20 || c == 0x7f || c == '\\') return "has a backslash or a control character in its name";
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        const std::string_view part(name.data() + start, end - start);
        if (part == "..") return "climbs out of the course folder ('..')";
        if (part.empty() || part == ".") return "has an empty or '.' part in its name";
        if (part[0] == '.') return "is hidden (a part of its name starts with a dot)";
        start = end + 1;
    }
    return "";
}

bool is_lower_hex(const std::string& text, std::size_t length) {
    return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// An id that may name a folder in a library: course ids allow '.', so "." and ".." must be kept out.
bool is_library_safe_id(const std::string& id) {
    return is_valid_id(id) && id[0] != '.';
}

bool is_valid_version(const std::string& version) {
    return !version.empty() && version.size() <= 64 && std::all_of(version.begin(), version.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' ||
               c == '+';
    });
}

using Fd = base::UniqueFd;

// Makes a rename or a new entry in `dir` survive a power cut.
void sync_folder(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) ::fsync(fd.get());
}

void write_all(int fd, const char* data, std::size_t size, const fs::path& path) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw PackageError("cannot write " + path.string() + ": " + errno_text(errno));
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

// Adds one file to a course content hash exactly as course_content_hash() does.
void hash_file_header(base::Sha256& content, const std::string& path, std::uint64_t size) {
    content.update(path);
    content.update(std::string_view("\0", 1));
    content.update(std::to_string(size));
    content.update(std::string_view("\0", 1));
}

// ---------------------------------------------------------------------------------------------
// The manifest

json manifest_json(const PackInfo& info, const std::vector<std::string>& languages) {
    json title = json::object();
    for (const auto& lang : languages) title[lang] = info.title.in(lang, languages.front());
    json files = json::array();
    for (const auto& f : info.files) files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
    return {{"format", pack_format},
            {"course", info.id},
            {"version", info.version},
            {"title", title},
            {"content_hash", info.content_hash},
            {"files", files}};
}

// Reads and checks a manifest; `broken` builds the error for a manifest that does not hold up.
PackInfo parse_manifest(const std::string& text, const std::string& pack_name,
                        const std::function<PackageError(const std::string&)>& broken) {
    json m;
    try {
        m = json::parse(text);
    } catch (const json::exception&) {
        throw broken("it is not valid JSON");
    }
    if (!m.is_object()) throw broken("it is not a JSON object");
    const json format = m.value("format", json());
    if (format.is_number_integer() && format.get<long long>() > pack_format)
        throw PackageError(pack_name + " was made for pack format " + std::to_string(format.get<long long>()) +
                           ", newer than this program reads (" + std::to_string(pack_format) + "); update cbt");
    if (format != json(pack_format)) throw broken("\"format\" is not 1");

    PackInfo info;
    const json id = m.value("course", json());
    if (!id.is_string() || !is_library_safe_id(id.get<std::string>())) throw broken("\"course\" is not a course id");
    info.id = id.get<std::string>();
    const json version = m.value("version", json());
    if (!version.is_string() || !is_valid_version(version.get<std::string>()))
        throw broken("\"version\" is not a version");
    info.version = version.get<std::string>();
    const json title = m.value("title", json::object());
    if (!title.is_object()) throw broken("\"title\" is not an object of texts");
    for (const auto& [lang, text_value] : title.items()) {
        if (!text_value.is_string()) throw broken("\"title\" is not an object of texts");
        info.title.set(lang, text_value.get<std::string>());
    }
    const json hash = m.value("content_hash", json());
    if (!hash.is_string() || !is_lower_hex(hash.get<std::string>(), 64))
        throw broken("\"content_hash\" is not a SHA-256");
    info.content_hash = hash.get<std::string>();

    const json files = m.value("files", json());
    if (!files.is_array()) throw broken("\"files\" is not a list");
    if (files.size() > max_pack_files)
        throw PackageError(pack_name + " is refused: it lists " + std::to_string(files.size()) +
                           " files, more than the " + std::to_string(max_pack_files) + " a course pack may hold");
    std::set<std::string> paths;
    for (const json& f : files) {
        if (!f.is_object()) throw broken("an entry of \"files\" is not an object");
        const json path = f.value("path", json());
        const json size = f.value("size", json());
        const json sha = f.value("sha256", json());
        if (!path.is_string()) throw broken("an entry of \"files\" has no \"path\"");
        PackedFile file{path.get<std::string>(), 0, ""};
        if (const std::string reason = unsafe_name_reason(file.path); !reason.empty())
            throw PackageError(pack_name + " is refused: its manifest lists " + printable(file.path) + ", which " +
                               reason);
        if (file.path == pack_manifest_name) throw broken("it lists a course file named cbtpack.json");
        if (!size.is_number_unsigned()) throw broken(file.path + " has no \"size\"");
        if (!sha.is_string() || !is_lower_hex(sha.get<std::string>(), 64))
            throw broken(file.path + " has no \"sha256\"");
        file.size = size.get<std::uint64_t>();
        file.sha256 = sha.get<std::string>();
        if (file.size > max_pack_file_bytes)
            throw PackageError(pack_name + " is refused: " + file.path + " is " + mebibytes(file.size) +
                               ", more than the 64 MiB a course file may have");
        if (!info.files.empty() && !(info.files.back().path < file.path))
            throw broken("\"files\" is not sorted by path, or lists a path twice");
        info.content_bytes += file.size;
        if (info.content_bytes > max_pack_content_bytes)
            throw PackageError(pack_name +
                               " is refused: its files add up to more than the 512 MiB a course pack may hold");
        paths.insert(file.path);
        info.files.push_back(std::move(file));
    }
    // A path that is also another path's folder could not be extracted.
    for (const auto& f : info.files)
        for (std::size_t slash = f.path.find('/'); slash != std::string::npos; slash = f.path.find('/', slash + 1))
            if (paths.contains(f.path.substr(0, slash)))
                throw broken(f.path.substr(0, slash) + " is both a file and a folder");
    return info;
}

// ---------------------------------------------------------------------------------------------
// Reading a pack

// Reads a pack file for libarchive, feeding every byte to the pack's digest on the way, so the
// package id comes from the very bytes that were checked.
class PackReader {
public:
    explicit PackReader(const fs::path& pack) : name_(pack.string()), fd_(::open(pack.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (fd_.get() < 0) throw PackageError("cannot open " + name_ + ": " + errno_text(errno));
        struct stat st {};
        if (::fstat(fd_.get(), &st) != 0) throw PackageError("cannot read " + name_ + ": " + errno_text(errno));
        if (!S_ISREG(st.st_mode)) throw PackageError(name_ + " is not a file; give the path of a .cbtpack file");
        if (st.st_size == 0) throw PackageError(name_ + " is empty; copy the file again");
        if (static_cast<std::uint64_t>(st.st_size) > max_pack_file_size)
            throw PackageError(name_ + " is refused: at " + mebibytes(st.st_size) +
                               " it is larger than any course pack may be");
        size_ = static_cast<std::uint64_t>(st.st_size);
        archive_.reset(archive_read_new());
        if (!archive_) throw std::bad_alloc();
        // Plain tar only: every other format and filter libarchive knows is attack surface we do not need.
        archive_read_support_format_tar(archive_.get());
        if (archive_read_open(archive_.get(), this, nullptr, &PackReader::read_callback, nullptr) != ARCHIVE_OK)
            fail("");
    }
    PackReader(const PackReader&) = delete;
    PackReader& operator=(const PackReader&) = delete;

    const std::string& name() const { return name_; }
    std::uint64_t size() const { return size_; }

    // The next member, or nullptr at the end of the archive; `after` names the place for messages.
    archive_entry* next(const std::string& after) {
        archive_entry* entry = nullptr;
        const int r = archive_read_next_header(archive_.get(), &entry);
        if (r == ARCHIVE_EOF) return nullptr;
        // ARCHIVE_WARN covers a name the locale cannot show, which the name checks deal with.
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) fail(after);
        return entry;
    }

    // Streams the current member's data to `sink` in chunks; `member` names it for messages.
    template <class Sink>
    std::uint64_t read_data(const std::string& member, Sink&& sink) {
        std::uint64_t total = 0;
        for (;;) {
            const la_ssize_t n = archive_read_data(archive_.get(), buffer_.data(), buffer_.size());
            if (n == 0) return total;
            if (n < 0) fail("inside " + member);
            sink(std::string_view(buffer_.data(), static_cast<std::size_t>(n)));
            total += static_cast<std::uint64_t>(n);
        }
    }

    // Reads what follows the end of the archive (padding) and returns the whole file's SHA-256.
    std::string finish_digest() {
        while (!at_end_) {
            const void* ignored = nullptr;
            if (read_callback(archive_.get(), this, &ignored) < 0)
                throw PackageError("cannot read " + name_ + ": " + errno_text(read_errno_));
        }
        return digest_.hex_digest();
    }

    // Turns a libarchive failure into a message a person can act on.
    [[noreturn]] void fail(const std::string& where) {
        if (read_errno_ != 0) throw PackageError("cannot read " + name_ + ": " + errno_text(read_errno_));
        // libarchive reads ahead, so reaching the end of the file alone does not mean it was cut
        // short; its own words for that do.
        const std::string why =
            archive_error_string(archive_.get()) ? archive_error_string(archive_.get()) : "unreadable";
        const bool cut_short = why.find("runcated") != std::string::npos || why.find("remature") != std::string::npos;
        if (at_end_ && cut_short)
            throw PackageError(name_ + " is incomplete: it ends " + (where.empty() ? "too early" : where) +
                               " (the copy was cut short); copy the file again");
        throw PackageError(name_ + " is damaged or not a course pack (" + why + (where.empty() ? "" : ", " + where) +
                           "); copy the file again");
    }

private:
    static la_ssize_t read_callback(struct archive* a, void* data, const void** out) {
        auto* self = static_cast<PackReader*>(data);
        for (;;) {
            const ssize_t n = ::read(self->fd_.get(), self->input_.data(), self->input_.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                self->read_errno_ = errno;
                archive_set_error(a, errno, "read error");
                return -1;
            }
            if (n == 0) self->at_end_ = true;
            self->digest_.update(std::string_view(self->input_.data(), static_cast<std::size_t>(n)));
            *out = self->input_.data();
            return n;
        }
    }

    std::string name_;
    Fd fd_;
    std::uint64_t size_ = 0;
    std::unique_ptr<struct archive, int (*)(struct archive*)> archive_{nullptr, archive_read_free};
    base::Sha256 digest_;
    bool at_end_ = false;
    int read_errno_ = 0;
    std::vector<char> input_ = std::vector<char>(chunk_bytes);
    std::vector<char> buffer_ = std::vector<char>(chunk_bytes);
};

// Refuses a member that is not a plain file (or a folder, which is ignored): links, devices.
void check_member_type(const PackReader& reader, archive_entry* entry, const std::string& name) {
    std::string what;
    const auto type = archive_entry_filetype(entry);
    if (const char* target = archive_entry_hardlink(entry))
        what = "is a hard link (to " + printable(target) + ")";
    else if (type == AE_IFREG || type == AE_IFDIR)
        return;
    else if (type == AE_IFLNK)
        what = "is a symbolic link (to " + printable(archive_entry_symlink(entry) ? archive_entry_symlink(entry) : "") +
               ")";
    else if (type == AE_IFCHR || type == AE_IFBLK)
        what = "is a device";
    else if (type == AE_IFIFO)
        what = "is a FIFO";
    else if (type == AE_IFSOCK)
        what = "is a socket";
    else
        what = "is not a plain file";
    throw PackageError(reader.name() + " is refused: " + printable(name) + " " + what +
                       "; a course pack holds only plain files inside its course folder, as cbt pack makes them");
}

struct ReadResult {
    PackInfo info;
    std::string manifest_text;
};

// Reads the manifest, the first member of every pack.
ReadResult read_manifest(PackReader& reader) {
    archive_entry* entry = reader.next("");
    const auto not_a_pack = [&](const std::string& why) {
        return PackageError(reader.name() + " is not a course pack: " + why + "; give a file made by cbt pack");
    };
    if (!entry) throw not_a_pack("it holds nothing");
    const std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    if (name != pack_manifest_name) throw not_a_pack("its first member is " + printable(name) + ", not cbtpack.json");
    check_member_type(reader, entry, name);
    if (archive_entry_filetype(entry) != AE_IFREG) throw not_a_pack("cbtpack.json is not a file");
    if (!archive_entry_size_is_set(entry) || archive_entry_size(entry) < 0 ||
        static_cast<std::uint64_t>(archive_entry_size(entry)) > max_pack_manifest_bytes)
        throw PackageError(reader.name() + " is refused: its manifest (cbtpack.json) is larger than 1 MiB");
    ReadResult result;
    reader.read_data("cbtpack.json", [&](std::string_view chunk) {
        if (result.manifest_text.size() + chunk.size() > max_pack_manifest_bytes)
            throw PackageError(reader.name() + " is refused: its manifest (cbtpack.json) is larger than 1 MiB");
        result.manifest_text.append(chunk);
    });
    result.info = parse_manifest(result.manifest_text, reader.name(), [&](const std::string& what) {
        return PackageError(reader.name() + " has a broken manifest (cbtpack.json: " + what +
                            "); copy the file again, or make the pack again with cbt pack");
    });
    result.info.pack_bytes = reader.size();
    return result;
}

// Writes one extracted course file; the folder is fresh and names are checked, yet O_EXCL and
// O_NOFOLLOW make sure nothing already there is followed or overwritten.
class ExtractedFile {
public:
    ExtractedFile(const fs::path& root, const std::string& relative) : path_(root / relative) {
        std::error_code ec;
        fs::create_directories(path_.parent_path(), ec);
        if (ec) throw PackageError("cannot create " + path_.parent_path().string() + ": " + ec.message());
        fd_.reset(::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
        if (fd_.get() < 0) throw PackageError("cannot create " + path_.string() + ": " + errno_text(errno));
    }
    void write(std::string_view bytes) { write_all(fd_.get(), bytes.data(), bytes.size(), path_); }
    void close() {
        if (fd_.close() != 0) throw PackageError("cannot write " + path_.string() + ": " + errno_text(errno));
    }

private:
    fs::path path_;
    Fd fd_;
};

// Reads a pack through and checks every member; with `into`, writes the course files there.
ReadResult read_pack(const fs::path& pack, const fs::path* into) {
    PackReader reader(pack);
    ReadResult result = read_manifest(reader);
    PackInfo& info = result.info;
    const std::string& name = reader.name();
    std::set<std::string> listed;
    for (const auto& f : info.files) listed.insert(f.path);

    base::Sha256 content;
    std::size_t next_file = 0;
    std::string after = "after cbtpack.json";
    while (archive_entry* entry = reader.next(after)) {
        std::string member = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
        check_member_type(reader, entry, member);
        const bool folder = archive_entry_filetype(entry) == AE_IFDIR;
        if (folder && member.size() > 1 && member.back() == '/') member.pop_back();
        if (const std::string reason = unsafe_name_reason(member); !reason.empty())
            throw PackageError(
                name + " is refused: the member " + printable(member) + " " + reason +
                "; a course pack holds only plain files inside its course folder, as cbt pack makes them");
        if (folder) continue;  // folders come from the file paths; tar tools may add entries for them
        if (next_file >= info.files.size() || member != info.files[next_file].path) {
            if (listed.contains(member))
                throw PackageError(name + " is damaged: " + member +
                                   " is out of order or repeated; make the pack again with cbt pack");
            throw PackageError(name + " is refused: it holds " + printable(member) +
                               ", a file its manifest does not list; make the pack again with cbt pack");
        }
        const PackedFile& expected = info.files[next_file++];
        if (!archive_entry_size_is_set(entry) || archive_entry_size(entry) < 0 ||
            static_cast<std::uint64_t>(archive_entry_size(entry)) != expected.size)
            throw PackageError(name + " is damaged: " + member +
                               " does not have the size its manifest gives; copy the file again");

        hash_file_header(content, expected.path, expected.size);
        base::Sha256 file_digest;
        std::optional<ExtractedFile> out;
        if (into) out.emplace(*into, expected.path);
        const std::uint64_t got = reader.read_data(member, [&](std::string_view chunk) {
            file_digest.update(chunk);
            content.update(chunk);
            if (out) out->write(chunk);
        });
        if (got != expected.size || file_digest.hex_digest() != expected.sha256)
            throw PackageError(name + " is damaged: " + member + " does not match its checksum; copy the file again");
        if (out) out->close();
        after = "after " + member;
    }
    if (next_file < info.files.size())
        throw PackageError(name + " is incomplete: it ends before " + info.files[next_file].path +
                           " (the copy was cut short); copy the file again");
    if (content.hex_digest() != info.content_hash)
        throw PackageError(name +
                           " is damaged: its files do not give the content hash its manifest states; make the pack "
                           "again with cbt pack");
    info.pack_sha256 = reader.finish_digest();
    return result;
}

// ---------------------------------------------------------------------------------------------
// Writing a pack

// Receives libarchive's output: written to the temporary file and fed to the pack's digest.
struct PackSink {
    int fd = -1;
    base::Sha256 digest;
    std::uint64_t bytes = 0;
    int write_errno = 0;

    static la_ssize_t write_callback(struct archive* a, void* data, const void* buffer, size_t length) {
        auto* self = static_cast<PackSink*>(data);
        const char* bytes = static_cast<const char*>(buffer);
        std::size_t left = length;
        while (left > 0) {
            const ssize_t n = ::write(self->fd, bytes, left);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                self->write_errno = errno;
                archive_set_error(a, errno, "write error");
                return -1;
            }
            bytes += n;
            left -= static_cast<std::size_t>(n);
        }
        self->digest.update(std::string_view(static_cast<const char*>(buffer), length));
        self->bytes += length;
        return static_cast<la_ssize_t>(length);
    }
};

// A course file found in the folder to pack.
struct SourceFile {
    std::string path;  // course-relative, '/'-separated
    fs::path full;
};

bool is_hidden(const fs::path& relative) {
    return std::any_of(relative.begin(), relative.end(), [](const fs::path& part) {
        const std::string s = part.string();
        return !s.empty() && s[0] == '.';
    });
}

// The files course_content_hash() covers, refusing what a pack cannot carry.
std::vector<SourceFile> list_course_files(const fs::path& root, const std::string& course_name) {
    const auto refuse = [&](const std::string& what) {
        return PackageError("cannot pack " + course_name + ": " + what);
    };
    std::vector<SourceFile> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path relative = it->path().lexically_relative(root);
        std::error_code type_ec;
        if (is_hidden(relative)) {
            if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) it.disable_recursion_pending();
            continue;
        }
        const std::string path = relative.generic_string();
        if (it->is_symlink(type_ec))
            throw refuse(printable(path) +
                         " is a symbolic link; put the file or folder itself there (a pack holds plain files only)");
        if (!it->is_regular_file(type_ec)) continue;  // folders are walked; FIFOs and sockets are not course content
        if (const std::string reason = unsafe_name_reason(path); !reason.empty())
            throw refuse(printable(path) + " " + reason + "; rename it");
        if (path == pack_manifest_name)
            throw refuse("cbtpack.json at the top of the course is the pack's own manifest; rename that file");
        files.push_back({path, it->path()});
        if (files.size() > max_pack_files)
            throw refuse("it has more than the " + std::to_string(max_pack_files) + " files a course pack may hold");
    }
    if (ec) throw refuse("cannot list the folder: " + ec.message());
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    return files;
}

// Reads a course file in chunks.
template <class Sink>
std::uint64_t read_source_file(const SourceFile& file, Sink&& sink) {
    Fd fd(::open(file.full.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) throw PackageError("cannot read " + file.full.string() + ": " + errno_text(errno));
    std::vector<char> buffer(chunk_bytes);
    std::uint64_t total = 0;
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw PackageError("cannot read " + file.full.string() + ": " + errno_text(errno));
        if (n == 0) return total;
        total += static_cast<std::uint64_t>(n);
        if (total > max_pack_file_bytes)
            throw PackageError("cannot pack " + file.path + ": it is larger than the 64 MiB a course file may have");
        sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
}

// True when `inner` is `outer` or lies inside it.
bool is_inside(const fs::path& inner, const fs::path& outer) {
    const auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return o == outer.end();
}

// Writes one member header with the fixed metadata that keeps packs reproducible.
void write_member_header(struct archive* a, const std::string& path, std::uint64_t size) {
    archive_entry* entry = archive_entry_new();
    archive_entry_copy_pathname(entry, path.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(size));
    archive_entry_set_mtime(entry, member_mtime, 0);
    archive_entry_set_uid(entry, 0);
    archive_entry_set_gid(entry, 0);
    const int r = archive_write_header(a, entry);
    archive_entry_free(entry);
    if (r != ARCHIVE_OK) throw PackageError("cannot write the pack entry for " + path + ": " + archive_error_string(a));
}

void write_member_data(struct archive* a, std::string_view bytes) {
    if (archive_write_data(a, bytes.data(), bytes.size()) != static_cast<la_ssize_t>(bytes.size()))
        throw PackageError(std::string("cannot write the pack: ") + archive_error_string(a));
}

// ---------------------------------------------------------------------------------------------
// The library

// Holds library/.lock exclusively, so two installs (the host and an administrator, say) never
// interleave their renames, and a prune never removes a folder an install is filling.
class LibraryLock {
public:
    explicit LibraryLock(const fs::path& library_dir) {
        const fs::path path = library_dir / ".lock";
        fd_.reset(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
        if (fd_.get() < 0) throw PackageError("cannot open " + path.string() + ": " + errno_text(errno));
        while (::flock(fd_.get(), LOCK_EX) != 0)
            if (errno != EINTR) throw PackageError("cannot lock " + path.string() + ": " + errno_text(errno));
    }

private:
    Fd fd_;
};

std::string version_folder_name(const std::string& id, const std::string& content_hash) {
    return id + "-" + content_hash.substr(0, hash_prefix);
}

// The id in a version folder's name, or "" when the name is not one.
std::string id_of_version_folder(const std::string& name) {
    if (name.size() <= hash_prefix + 1 || name[name.size() - hash_prefix - 1] != '-') return "";
    if (!is_lower_hex(name.substr(name.size() - hash_prefix), hash_prefix)) return "";
    return name.substr(0, name.size() - hash_prefix - 1);
}

// The version folder library/<id> points at, as its name under .versions, or "".
std::string current_version_name(const fs::path& library_dir, const std::string& id) {
    std::error_code ec;
    const fs::path link = library_dir / id;
    if (!fs::is_symlink(link, ec)) return "";
    const fs::path target = fs::read_symlink(link, ec);
    if (ec || target.parent_path() != versions_folder) return "";
    return target.filename().string();
}

// Reads the manifest an install left in a version folder.
std::optional<InstalledCourse> read_installed(const fs::path& library_dir, const fs::path& folder) {
    std::error_code ec;
    const fs::path file = folder / installed_manifest;
    if (fs::file_size(file, ec) > max_pack_manifest_bytes + 1024 || ec) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        const PackInfo info =
            parse_manifest(text, file.string(), [](const std::string& what) { return PackageError(what); });
        const json extra = json::parse(text);
        InstalledCourse installed;
        installed.id = info.id;
        installed.version = info.version;
        installed.title = info.title;
        installed.content_hash = info.content_hash;
        installed.pack_sha256 = extra.value("pack_sha256", "");
        installed.path = folder;
        installed.link = library_dir / info.id;
        installed.current = current_version_name(library_dir, info.id) == folder.filename().string();
        if (folder.filename().string() != version_folder_name(info.id, info.content_hash)) return std::nullopt;
        return installed;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Points library/<id> at .versions/<name> by renaming a new symlink over the old one; false when it
// pointed there already.
bool switch_link(const fs::path& library_dir, const std::string& id, const std::string& name) {
    if (current_version_name(library_dir, id) == name) return false;
    const fs::path target = fs::path(versions_folder) / name;
    const fs::path temp = library_dir / ("." + id + ".switch");
    std::error_code ec;
    fs::remove(temp, ec);  // left by an install that stopped half-way
    fs::create_symlink(target, temp, ec);
    if (ec) throw PackageError("cannot create " + temp.string() + ": " + ec.message());
    const fs::path link = library_dir / id;
    if (::rename(temp.c_str(), link.c_str()) != 0) {
        const int error = errno;
        fs::remove(temp, ec);
        throw PackageError("cannot switch " + link.string() + " to the new version: " + errno_text(error));
    }
    sync_folder(library_dir);
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

PackInfo pack_course(const fs::path& course_dir, const fs::path& out_file) {
    const Course course = load_course(course_dir);
    const std::string course_name = course_dir.string();
    if (!is_library_safe_id(course.id))
        throw PackageError("cannot pack " + course_name + ": the course id '" + course.id +
                           "' starts with a dot; a library could not hold it");
    std::error_code ec;
    const fs::path out_abs = fs::weakly_canonical(fs::absolute(out_file), ec);
    const fs::path course_abs = fs::weakly_canonical(fs::absolute(course_dir), ec);
    if (!out_file.filename().string().starts_with(".") && is_inside(out_abs, course_abs))
        throw PackageError(
            "cannot pack " + course_name + " into " + out_file.string() +
            ": that is inside the course folder, so the next pack would hold this one; write it elsewhere");

    // First pass: digests for the manifest, which comes before the files in the pack.
    const std::vector<SourceFile> sources = list_course_files(course_dir, course_name);
    PackInfo info;
    info.id = course.id;
    info.version = course.version;
    for (const auto& lang : course.languages) info.title.set(lang, course.title.in(lang, course.default_language()));
    base::Sha256 content;
    const auto changed = [&](const std::string& what) {
        return PackageError("cannot pack " + course_name + ": " + what +
                            " changed while it was being packed; pack it again");
    };
    for (const auto& source : sources) {
        const std::uint64_t expected = fs::file_size(source.full, ec);
        if (ec) throw PackageError("cannot read " + source.full.string() + ": " + ec.message());
        if (expected > max_pack_file_bytes)
            throw PackageError("cannot pack " + course_name + ": " + source.path + " is " + mebibytes(expected) +
                               ", more than the 64 MiB a course file may have");
        base::Sha256 digest;
        hash_file_header(content, source.path, expected);
        PackedFile file{source.path, 0, ""};
        file.size = read_source_file(source, [&](std::string_view chunk) {
            digest.update(chunk);
            content.update(chunk);
        });
        if (file.size != expected) throw changed(source.path);
        file.sha256 = digest.hex_digest();
        info.content_bytes += file.size;
        if (info.content_bytes > max_pack_content_bytes)
            throw PackageError("cannot pack " + course_name +
                               ": its files add up to more than the 512 MiB a course pack may hold");
        info.files.push_back(std::move(file));
    }
    // load_course hashed the same files a moment ago; a difference means the folder changed meanwhile.
    info.content_hash = content.hex_digest();
    if (info.content_hash != course.content_hash) throw changed("the course");

    std::string manifest;
    try {
        manifest = manifest_json(info, course.languages).dump(2) + "\n";
    } catch (const json::exception&) {
        throw PackageError("cannot pack " + course_name + ": the course title is not valid UTF-8");
    }
    if (manifest.size() > max_pack_manifest_bytes)
        throw PackageError("cannot pack " + course_name +
                           ": its manifest would be larger than 1 MiB (too many files?)");

    // Second pass: the pack itself, into a temporary file renamed over out_file at the end.
    const fs::path folder = out_file.has_parent_path() ? out_file.parent_path() : fs::path(".");
    std::string temp_name = (folder / ("." + out_file.filename().string() + ".partial-XXXXXX")).string();
    Fd fd(::mkstemp(temp_name.data()));
    if (fd.get() < 0) throw PackageError("cannot write " + out_file.string() + ": " + errno_text(errno));
    const fs::path temp(temp_name);
    struct archive* a = nullptr;
    try {
        ::fchmod(fd.get(), 0644);
        PackSink sink;
        sink.fd = fd.get();
        a = archive_write_new();
        if (!a) throw std::bad_alloc();
        archive_write_set_format_pax_restricted(a);
        // Names beyond ASCII are written as their bytes, whatever the locale, so every machine makes
        // the same pack. Only then: the option puts a pax header before every member.
        const bool ascii = std::all_of(info.files.begin(), info.files.end(), [](const PackedFile& f) {
            return std::all_of(f.path.begin(), f.path.end(), [](unsigned char c) { return c < 0x80; });
        });
        if (!ascii) archive_write_set_options(a, "hdrcharset=BINARY");
        archive_write_set_bytes_in_last_block(a, 1);
        if (archive_write_open2(a, &sink, nullptr, &PackSink::write_callback, nullptr, nullptr) != ARCHIVE_OK)
            throw PackageError("cannot write " + out_file.string() + ": " + archive_error_string(a));
        write_member_header(a, pack_manifest_name, manifest.size());
        write_member_data(a, manifest);
        for (std::size_t i = 0; i < sources.size(); ++i) {
            const PackedFile& file = info.files[i];
            write_member_header(a, file.path, file.size);
            base::Sha256 digest;
            const std::uint64_t size = read_source_file(sources[i], [&](std::string_view chunk) {
                digest.update(chunk);
                write_member_data(a, chunk);
            });
            if (size != file.size || digest.hex_digest() != file.sha256) throw changed(file.path);
        }
        if (archive_write_close(a) != ARCHIVE_OK)
            throw PackageError(
                "cannot write " + out_file.string() + ": " +
                (sink.write_errno ? errno_text(sink.write_errno) : std::string(archive_error_string(a))));
        archive_write_free(a);
        a = nullptr;
        if (::fsync(fd.get()) != 0 || fd.close() != 0)
            throw PackageError("cannot write " + out_file.string() + ": " + errno_text(errno));
        if (::rename(temp.c_str(), out_file.c_str()) != 0)
            throw PackageError("cannot write " + out_file.string() + ": " + errno_text(errno));
        sync_folder(folder);
        info.pack_bytes = sink.bytes;
        info.pack_sha256 = sink.digest.hex_digest();
    } catch (...) {
        if (a) archive_write_free(a);
        fs::remove(temp, ec);
        throw;
    }
    return info;
}

PackInfo read_pack_info(const fs::path& pack) {
    PackReader reader(pack);
    return read_manifest(reader).info;
}

PackInfo verify_pack(const fs::path& pack) {
    return read_pack(pack, nullptr).info;
}

InstalledCourse install_pack(const fs::path& pack, const fs::path& library_dir) {
    const fs::path versions = library_dir / versions_folder;
    std::error_code ec;
    fs::create_directories(versions, ec);
    if (ec) throw PackageError("cannot create the course library " + library_dir.string() + ": " + ec.message());
    LibraryLock lock(library_dir);

    const PackInfo head = read_pack_info(pack);
    const std::string name = version_folder_name(head.id, head.content_hash);
    const fs::path final_dir = versions / name;
    const fs::path link = library_dir / head.id;
    const auto link_status = fs::symlink_status(link, ec);
    if (fs::exists(link_status) && !fs::is_symlink(link_status))
        throw PackageError(
            link.string() +
            " is a folder or file of its own, not an installed course; move it out of the library first");
    const auto same_pack = [&](const PackInfo& info) {
        if (info.id != head.id || info.content_hash != head.content_hash)
            throw PackageError(pack.string() + " changed while it was being installed; install it again");
    };

    PackInfo info;
    bool extracted = false;
    if (fs::is_directory(fs::symlink_status(final_dir, ec))) {
        // Installed before: check the pack all the same, and that nobody edited the folder since.
        info = verify_pack(pack);
        same_pack(info);
        if (course_content_hash(final_dir) != info.content_hash)
            throw PackageError(final_dir.string() +
                               " no longer matches the pack it was installed from (edited by hand?); "
                               "remove that folder and install again");
    } else {
        const fs::path partial = versions / (name + partial_suffix);
        fs::remove_all(partial, ec);  // left by an install that stopped half-way
        fs::create_directory(partial, ec);
        if (ec) throw PackageError("cannot create " + partial.string() + ": " + ec.message());
        try {
            ReadResult result = read_pack(pack, &partial);
            info = result.info;
            same_pack(info);
            Course course;
            try {
                course = load_course(partial);
            } catch (const CourseError& e) {
                throw PackageError(pack.string() + " holds a course that does not load (" + e.what() +
                                   "); fix it, run cbt check and pack it again");
            }
            if (course.id != info.id || course.version != info.version)
                throw PackageError(pack.string() + " is damaged: its manifest says " + info.id + " " + info.version +
                                   " but its course.lua says " + course.id + " " + course.version +
                                   "; make the pack again with cbt pack");
            if (course.content_hash != info.content_hash)
                throw PackageError(
                    pack.string() +
                    " did not install faithfully (the content hash differs once extracted); install it again");
            json installed = json::parse(result.manifest_text);
            installed["pack_sha256"] = info.pack_sha256;
            const std::string text = installed.dump(2) + "\n";
            {
                ExtractedFile out(partial, installed_manifest);
                out.write(text);
                out.close();
            }
            // One flush of the file system instead of an fsync per file: the version is complete on
            // disk before its name says so.
            Fd dir_fd(::open(partial.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
            if (dir_fd.get() < 0 || ::syncfs(dir_fd.get()) != 0)
                throw PackageError("cannot flush " + partial.string() + " to disk: " + errno_text(errno));
            if (::rename(partial.c_str(), final_dir.c_str()) != 0)
                throw PackageError("cannot rename " + partial.string() + ": " + errno_text(errno));
            sync_folder(versions);
            extracted = true;
        } catch (...) {
            fs::remove_all(partial, ec);
            throw;
        }
    }

    const bool changed = extracted || current_version_name(library_dir, head.id) != name;
    if (changed) {
        // The folder's time says when it last became current: prune_versions keeps the latest ones.
        fs::last_write_time(final_dir, fs::file_time_type::clock::now(), ec);
        switch_link(library_dir, head.id, name);
    }
    InstalledCourse installed;
    installed.id = info.id;
    installed.version = info.version;
    installed.title = info.title;
    installed.content_hash = info.content_hash;
    installed.pack_sha256 = info.pack_sha256;
    installed.path = final_dir;
    installed.link = link;
    installed.current = true;
    installed.changed = changed;
    return installed;
}

std::vector<InstalledCourse> list_library(const fs::path& library_dir) {
    std::vector<std::pair<InstalledCourse, fs::file_time_type>> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(library_dir / versions_folder, ec)) {
        const std::string name = entry.path().filename().string();
        std::error_code type_ec;
        if (name.ends_with(partial_suffix) || !entry.is_directory(type_ec) || entry.is_symlink(type_ec)) continue;
        if (auto installed = read_installed(library_dir, entry.path()))
            found.emplace_back(std::move(*installed), fs::last_write_time(entry.path(), type_ec));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        if (a.first.id != b.first.id) return a.first.id < b.first.id;
        if (a.first.current != b.first.current) return a.first.current;
        return a.second > b.second;
    });
    std::vector<InstalledCourse> out;
    for (auto& [installed, time] : found) out.push_back(std::move(installed));
    return out;
}

std::vector<fs::path> prune_versions(const fs::path& library_dir, std::size_t keep) {
    std::vector<fs::path> removed;
    std::error_code ec;
    if (!fs::is_directory(library_dir / versions_folder, ec)) return removed;
    LibraryLock lock(library_dir);

    std::set<std::string> referenced;
    for (const auto& entry : fs::directory_iterator(library_dir, ec)) {
        const std::string name = entry.path().filename().string();
        std::error_code type_ec;
        if (!entry.is_symlink(type_ec)) continue;
        if (name.starts_with(".")) {
            if (name.ends_with(".switch")) {  // a switch that never happened
                fs::remove(entry.path(), type_ec);
                removed.push_back(entry.path());
            }
            continue;
        }
        const fs::path target = fs::read_symlink(entry.path(), type_ec);
        if (!type_ec && target.parent_path() == versions_folder) referenced.insert(target.filename().string());
    }
    if (ec) throw PackageError("cannot read the course library " + library_dir.string() + ": " + ec.message());

    std::map<std::string, std::vector<std::pair<fs::file_time_type, fs::path>>> unused;
    for (const auto& entry : fs::directory_iterator(library_dir / versions_folder, ec)) {
        const std::string name = entry.path().filename().string();
        std::error_code type_ec;
        if (!entry.is_directory(type_ec) || entry.is_symlink(type_ec)) continue;
        if (name.ends_with(partial_suffix)) {  // an install that stopped half-way; the lock says none is running
            fs::remove_all(entry.path(), type_ec);
            removed.push_back(entry.path());
            continue;
        }
        const std::string id = id_of_version_folder(name);
        if (id.empty() || referenced.contains(name)) continue;
        unused[id].emplace_back(fs::last_write_time(entry.path(), type_ec), entry.path());
    }
    if (ec) throw PackageError("cannot read " + (library_dir / versions_folder).string() + ": " + ec.message());
    for (auto& [id, folders] : unused) {
        std::sort(folders.begin(), folders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t i = keep; i < folders.size(); ++i) {
            fs::remove_all(folders[i].second, ec);
            if (ec) throw PackageError("cannot remove " + folders[i].second.string() + ": " + ec.message());
            removed.push_back(folders[i].second);
        }
    }
    std::sort(removed.begin(), removed.end());
    return removed;
}

}  // namespace cbt::course
