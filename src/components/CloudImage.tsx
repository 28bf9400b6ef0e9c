import { useEffect, useState } from 'react';
import { Image, View } from '@tarojs/components';
import { displayUrl } from '@/api/tempUrls';

/** An image stored in cloud storage, shown by its file id. */
export function CloudImage({ fileID, alt, className, onClick }: { fileID: string; alt: string; className?: string; onClick?: () => void }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    displayUrl(fileID).then((url) => live && setSrc(url), () => undefined);
    return () => {
      live = false;
    };
  }, [fileID]);
  if (!src) return <View className={`${className ?? ''} cloud-image--loading`} />;
  // `nativeProps` reach the <img> Taro draws in H5, where screen readers need its name.
  return <Image className={className} src={src} mode="aspectFill" onClick={onClick} ariaLabel={alt} nativeProps={{ alt }} />;
}

export function PhotoRow({ photos }: { photos: string[] }) {
  if (photos.length === 0) return null;
  return (
    <View className="photo-row">
      {photos.map((id, i) => (
        <CloudImage key={id} fileID={id} alt={`照片 ${i + 1}`} className="photo-row__item" />
      ))}
    </View>
  );
}
