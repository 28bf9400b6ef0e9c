import { useEffect, useState } from 'react';
import { Image, View } from '@tarojs/components';
import { displayUrl } from '@/api/tempUrls';

/** An image stored in cloud storage, shown by its file id. */
export function CloudImage({ fileID, className, onClick }: { fileID: string; className?: string; onClick?: () => void }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    displayUrl(fileID).then((url) => live && setSrc(url), () => undefined);
    return () => {
      live = false;
    };
  }, [fileID]);
  if (!src) return <View className={`${className ?? ''} cloud-image--loading`} />;
  return <Image className={className} src={src} mode="aspectFill" onClick={onClick} />;
}

export function PhotoRow({ photos }: { photos: string[] }) {
  if (photos.length === 0) return null;
  return (
    <View className="photo-row">
      {photos.map((id) => (
        <CloudImage key={id} fileID={id} className="photo-row__item" />
      ))}
    </View>
  );
}
