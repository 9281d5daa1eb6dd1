// Course pictures as OpenGL textures: decoded with stb_image when first drawn, shrunk to at most
// max_side pixels, cached, and dropped least-recently-drawn first beyond a memory budget. A
// picture that cannot be read is remembered as failed (its alt text shows), never retried.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace cbt::course {
struct Course;
}

namespace cbt::ui {

struct Texture {
    unsigned id = 0;  // GL texture name; 0 when the picture could not be loaded
    int width = 0;    // pixel size of the original picture (before any shrinking)
    int height = 0;
    std::string error;  // why it could not be loaded
    bool ok() const { return id != 0; }
};

class Textures {
public:
    static constexpr int max_side = 2048;
    static constexpr std::size_t budget_bytes = std::size_t{96} << 20;

    Textures() = default;
    ~Textures();
    Textures(const Textures&) = delete;
    Textures& operator=(const Textures&) = delete;

    // The picture at a course-relative path, loading it if needed. Needs the GL context.
    const Texture& get(const course::Course& course, const std::string& file);
    // Marks the start of a frame (for least-recently-used eviction).
    void next_frame() { ++frame_; }
    // Frees every texture.
    void clear();

private:
    struct Entry {
        Texture texture;
        std::size_t bytes = 0;
        std::uint64_t last_used = 0;
    };
    void evict();

    std::map<std::string, Entry> entries_;
    std::size_t bytes_ = 0;
    std::uint64_t frame_ = 0;
};

}  // namespace cbt::ui
