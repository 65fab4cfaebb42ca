package clinic.relief.workspace.settings;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import clinic.relief.staff.PhotoRefused;
import clinic.relief.staff.ProfileChangedMeanwhile;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import clinic.relief.staff.StaffRole;
import clinic.relief.staff.TherapistPhotos;
import clinic.relief.staff.UnknownStaffMember;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner edits a therapist's public profile (name, languages, specialties, bio, license, listing) and photo. A
 * profile saved by someone else since the form was opened is not overwritten: the page says so and shows the
 * profile as it now stands. A refused photo changes nothing and the page says why (413 too large, 415 not a JPEG,
 * PNG or WebP by its content, 422 otherwise). The billing identity (legal name, NPI) stays on insurance's page.
 */
@Controller
class TherapistSettingsPages {

    /** Languages offered as checkboxes besides those a therapist already has: the clinic's city speaks them. */
    private static final List<String> LANGUAGES =
            List.of("en", "es", "zh", "ko", "tl", "vi", "hy", "fa", "ru", "ja", "ar", "fr", "pt", "hi");

    /** A language checkbox: its code and its name in the page's language. */
    record LanguageChoice(String code, String name) {}

    private final Staff staff;
    private final TherapistPhotos photos;

    TherapistSettingsPages(Staff staff, TherapistPhotos photos) {
        this.staff = staff;
        this.photos = photos;
    }

    @GetMapping("/staff/settings/therapists/{id}")
    String form(@PathVariable UUID id, Locale locale, Model model, CsrfToken csrf) {
        StaffMember therapist = therapist(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TherapistForm.of(therapist));
        }
        return page(therapist, locale, model, csrf);
    }

    @PostMapping("/staff/settings/therapists/{id}")
    String save(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") @Nullable TherapistForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffMember therapist = therapist(id);
        if (form == null || errors.hasErrors() || form.version() == null) {
            if (form == null) {
                // A value that could not even be converted (a version that is no number): the errors say which.
                model.addAttribute("form", TherapistForm.of(therapist));
                errors.reject("workspace.therapist.incomplete");
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(therapist, locale, model, csrf);
        }
        try {
            staff.editProfile(id, form.version(), form.edit());
        } catch (ProfileChangedMeanwhile meanwhile) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("changedMeanwhile", true);
            model.addAttribute("form", TherapistForm.of(therapist));
            return page(therapist, locale, model, csrf);
        }
        redirect.addFlashAttribute("notice", "workspace.therapist.saved");
        return "redirect:/staff/settings/therapists/" + id;
    }

    @PostMapping("/staff/settings/therapists/{id}/photo")
    String upload(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        StaffMember therapist = therapist(id);
        try {
            if (photo != null && photo.getSize() > TherapistPhotos.MAX_BYTES) {
                throw new PhotoRefused("tooLarge"); // not read into memory at all
            }
            photos.replace(id, photo == null ? new byte[0] : photo.getBytes(), who.getName());
        } catch (PhotoRefused refused) {
            response.setStatus(
                    switch (refused.reason()) {
                        case "tooLarge" -> HttpStatus.CONTENT_TOO_LARGE.value();
                        case "type" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE.value();
                        default -> HttpStatus.UNPROCESSABLE_CONTENT.value();
                    });
            model.addAttribute("photoError", "workspace.therapist.photo." + refused.reason());
            model.addAttribute("form", TherapistForm.of(therapist));
            return page(therapist, locale, model, csrf);
        }
        redirect.addFlashAttribute("notice", "workspace.therapist.photo.saved");
        return "redirect:/staff/settings/therapists/" + id;
    }

    @PostMapping("/staff/settings/therapists/{id}/photo/remove")
    String removePhoto(@PathVariable UUID id, RedirectAttributes redirect) {
        photos.remove(id);
        redirect.addFlashAttribute("notice", "workspace.therapist.photo.removed");
        return "redirect:/staff/settings/therapists/" + id;
    }

    /** The photo for the owner's pages, listed therapist or not; revalidated by its ETag, never shared by caches. */
    @GetMapping("/staff/settings/therapists/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        return photos.find(id)
                .map(photo -> ResponseEntity.ok()
                        .eTag("\"" + photo.tag() + "\"")
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .contentType(MediaType.parseMediaType(photo.contentType()))
                        .body(photo.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String page(StaffMember therapist, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute("therapist", therapist);
        model.addAttribute("photoUrl", previewUrl(therapist));
        model.addAttribute("maxMegabytes", TherapistPhotos.MAX_BYTES / (1024 * 1024));
        model.addAttribute("languageChoices", languageChoices(therapist, locale));
        return "workspace/settings-therapist";
    }

    /** The owner's address of the photo, versioned by its tag; empty when there is none. */
    static String previewUrl(StaffMember therapist) {
        return therapist
                .photoTag()
                .map(tag -> "/staff/settings/therapists/" + therapist.id() + "/photo?v=" + tag.substring(0, 16))
                .orElse("");
    }

    private static List<LanguageChoice> languageChoices(StaffMember therapist, Locale locale) {
        TreeSet<String> extra = new TreeSet<>(therapist.languages());
        LANGUAGES.forEach(extra::remove);
        return Stream.concat(LANGUAGES.stream(), extra.stream())
                .map(code -> new LanguageChoice(code, languageName(code, locale)))
                .toList();
    }

    static String languageName(String code, Locale locale) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private StaffMember therapist(UUID id) {
        return staff.find(id)
                .filter(m -> m.role() == StaffRole.THERAPIST)
                .orElseThrow(() -> new UnknownStaffMember(id));
    }
}
