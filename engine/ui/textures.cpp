// Picture loading. Header checks come before decoding, so a huge or malformed file in a course
// costs a message instead of the kiosk's memory.
#include "ui/textures.hpp"

#include <SDL_opengl.h>
#include <stb_image.h>

#include <algorithm>
#include <vector>

#include "course/course.hpp"

namespace cbt::ui {
namespace {

constexpr int max_decoded_side = 16384;
constexpr std::uintmax_t max_file_bytes = std::uintmax_t{64} << 20;

// Box-filter shrink of RGBA pixels to fit max_side: pictures are shown smaller than this anyway.
std::vector<unsigned char> shrink(const unsigned char* src, int w, int h, int& out_w, int& out_h) {
    const int longest = std::max(w, h);
    const int factor = (longest + Textures::max_side - 1) / Textures::max_side;
    out_w = std::max(1, w / factor);
    out_h = std::max(1, h / factor);
    std::vector<unsigned char> out(static_cast<std::size_t>(out_w) * out_h * 4);
    for (int y = 0; y < out_h; ++y)
        for (int x = 0; x < out_w; ++x) {
            unsigned sum[4] = {0, 0, 0, 0};
            int n = 0;
            for (int dy = 0; dy < factor && y * factor + dy < h; ++dy)
                for (int dx = 0; dx < factor && x * factor + dx < w; ++dx) {
                    const unsigned char* p =
                        src + (static_cast<std::size_t>(y * factor + dy) * w + (x * factor + dx)) * 4;
                    for (int c = 0; c < 4; ++c) sum[c] += p[c];
                    ++n;
                }
            unsigned char* q = out.data() + (static_cast<std::size_t>(y) * out_w + x) * 4;
            for (int c = 0; c < 4; ++c) q[c] = static_cast<unsigned char>(sum[c] / std::max(n, 1));
        }
    return out;
}

}  // namespace

Textures::~Textures() {
    clear();
}

void Textures::clear() {
    for (auto& [_, e] : entries_)
        if (e.texture.id) glDeleteTextures(1, &e.texture.id);
    entries_.clear();
    bytes_ = 0;
}

const Texture& Textures::get(const course::Course& course, const std::string& file) {
    const std::string key = (course.root / file).string();
    if (auto it = entries_.find(key); it != entries_.end()) {
        it->second.last_used = frame_;
        return it->second.texture;
    }
    Entry entry;
    entry.last_used = frame_;
    Texture& t = entry.texture;
    const std::filesystem::path path = course.root / file;
    std::error_code ec;
    int w = 0, h = 0, channels = 0;
    if (!course.has_file(file)) {
        t.error = "the picture " + file + " is not in the course folder";
    } else if (std::filesystem::file_size(path, ec) > max_file_bytes) {
        t.error = "the picture " + file + " is larger than 64 MiB";
    } else if (!stbi_info(path.c_str(), &w, &h, &channels)) {
        t.error = "the picture " + file + " is not a PNG or JPEG file stb_image can read";
    } else if (w > max_decoded_side || h > max_decoded_side) {
        t.error = "the picture " + file + " is too large (" + std::to_string(w) + "x" + std::to_string(h) + " pixels)";
    } else if (unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4)) {
        int tw = w, th = h;
        std::vector<unsigned char> small;
        const unsigned char* upload = pixels;
        if (std::max(w, h) > max_side) {
            small = shrink(pixels, w, h, tw, th);
            upload = small.data();
        }
        GLuint id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, tw, th, 0, GL_RGBA, GL_UNSIGNED_BYTE, upload);
        stbi_image_free(pixels);
        t.id = id;
        t.width = w;
        t.height = h;
        entry.bytes = static_cast<std::size_t>(tw) * th * 4;
    } else {
        t.error = "the picture " + file + " cannot be decoded: " + stbi_failure_reason();
    }
    bytes_ += entry.bytes;
    auto [it, _] = entries_.emplace(key, std::move(entry));
    evict();
    return it->second.texture;
}

void Textures::evict() {
    // Pictures drawn this frame stay, even over budget: the view needs them now.
    while (bytes_ > budget_bytes) {
        auto oldest = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->second.bytes && it->second.last_used < frame_ &&
                (oldest == entries_.end() || it->second.last_used < oldest->second.last_used))
                oldest = it;
        if (oldest == entries_.end()) return;
        glDeleteTextures(1, &oldest->second.texture.id);
        bytes_ -= oldest->second.bytes;
        entries_.erase(oldest);
    }
}

}  // namespace cbt::ui
