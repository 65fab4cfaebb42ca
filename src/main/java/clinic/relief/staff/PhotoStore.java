package clinic.relief.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code staff_photo}: one photo per staff member. */
@Repository
class PhotoStore {

    private final JdbcClient jdbc;

    PhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID staffId, PhotoImage.Checked photo, String tag, Instant at, String by) {
        jdbc.sql("""
                insert into staff_photo (staff_id, content_type, bytes, tag, width, height, updated_at, updated_by)
                values (:id, :type, :bytes, :tag, :width, :height, :at, :by)
                on conflict (staff_id) do update set content_type = excluded.content_type, bytes = excluded.bytes,
                    tag = excluded.tag, width = excluded.width, height = excluded.height,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("id", staffId)
                .param("type", photo.contentType())
                .param("bytes", photo.bytes())
                .param("tag", tag)
                .param("width", photo.width())
                .param("height", photo.height())
                .param("at", utc(at))
                .param("by", by)
                .update();
    }

    boolean delete(UUID staffId) {
        return jdbc.sql("delete from staff_photo where staff_id = :id")
                        .param("id", staffId)
                        .update()
                == 1;
    }

    Optional<TherapistPhotos.Photo> find(UUID staffId) {
        return jdbc.sql("select content_type, bytes, tag from staff_photo where staff_id = :id")
                .param("id", staffId)
                .query((rs, row) -> new TherapistPhotos.Photo(
                        rs.getString("content_type"), rs.getBytes("bytes"), rs.getString("tag")))
                .optional();
    }
}
